"""Makes the workbooks the import tests read: the same five leads written by openpyxl
(deflate-compressed, a date cell, a text cell for each phone) and by LibreOffice from a CSV
(the phone column imported as text, the date column as dates), bomb.xlsx, and the workbook of
the spreadsheets-zh transcript.

    python3 make_fixtures.py            # needs openpyxl; soffice for leads-libreoffice.xlsx

The workbooks are committed, so the tests run without Python or LibreOffice."""
import csv, datetime, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = ["序号", "企业名称", "来源渠道", "初步意向等级", "联系人", "电话", "邮箱", "所属行业", "预算", "获取时间", "备注"]
LEADS = [
    [1, "上海云帆信息技术有限公司", "官网表单", "A", "陈晨", "02155550101", "chen@yunfan.example.com", "软件", 200000,
     datetime.datetime(2024, 3, 5, 10, 20), "访问报价页\n留言要演示"],
    [2, "𠀾氏贸易有限公司", "展会", "B", "刘洋", "013800000101", None, "贸易", 50000, datetime.datetime(2024, 3, 6), "展位号A12"],
    [3, "北京数策软件有限公司", "推荐", "C", "马骏", "13800000005", "ma.jun@example.com", "软件", None,
     datetime.datetime(2024, 3, 7, 9, 0), None],
    [4, "杭州绿源食品有限公司", "电话陌拜", "B", "蒋红", "00862155550106", None, "食品", 1500.5, datetime.datetime(2024, 3, 8, 14, 5), "冷链"],
    [5, "成都蓉锦医疗器械有限公司", "合作伙伴", "A", "邓海", "13800000010", "deng.hai@example.com", "医疗", 300000,
     datetime.datetime(2024, 3, 9, 16, 45), "第一行\n第二行\n第三行"],
]


def openpyxl_workbook(path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "线索"
    sheet.append(HEADERS)
    for lead in LEADS:
        sheet.append(lead)
    for row in sheet.iter_rows(min_row=2):
        row[5].number_format = "@"  # the phone is text
        row[9].number_format = "yyyy-mm-dd hh:mm"
    book.save(path)


def libreoffice_workbook(path):
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice is missing: leads-libreoffice.xlsx not made", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "leads-libreoffice.csv")
        with open(source, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(HEADERS)
            for lead in LEADS:
                writer.writerow(["" if value is None else value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime.datetime)
                                 else value for value in lead])
        # Comma, double quote, UTF-8, from line 1; column 6 (phone) as text, column 10 as Y-M-D.
        options = "CSV:44,34,76,1,1/1/2/1/3/1/4/1/5/1/6/2/7/1/8/1/9/1/10/5/11/1"
        subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + os.path.join(folder, "profile"),
                        "--infilter=" + options, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder, source],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(folder, "leads-libreoffice.xlsx"), path)


def titled_workbook(path):
    """The spreadsheets-zh transcript's workbook: a title merged over the table, then three leads,
    one with an intent that does not exist."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "展会线索"
    sheet.append(["2024年3月数博会线索"])
    sheet.merge_cells("A1:E1")
    sheet.append(["企业名称", "来源渠道", "初步意向等级", "联系人", "电话"])
    sheet.append(["贵州黔云数据有限公司", "展会(数博会)", "A", "吴敏", "08515550101"])
    sheet.append(["遵义山城物流有限公司", "展会", "D", "罗刚", "13800000301"])
    sheet.append(["毕节绿茶贸易有限公司", "展会", "B", "韦芳", "13800000302"])
    for row in sheet.iter_rows(min_row=3):
        row[4].number_format = "@"
    book.save(path)


def bomb(path):
    """A "workbook" whose sheet is 5 MB of spaces: it deflates to a few kilobytes (a ratio far above 100)."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b" " * 5_000_000)


if __name__ == "__main__":
    bomb(os.path.join(HERE, "bomb.xlsx"))
    titled_workbook(os.path.join(HERE, "..", "e2e", "spreadsheets-zh", "workspace", "leads.xlsx"))
    openpyxl_workbook(os.path.join(HERE, "leads-openpyxl.xlsx"))
    libreoffice_workbook(os.path.join(HERE, "leads-libreoffice.xlsx"))
