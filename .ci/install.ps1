# Installs leadbook on Windows from a release: downloads leadbook-windows-x86_64.zip, checks its
# SHA-256 against the release's SHA256SUMS, unpacks leadbook.exe (with the Swift runtime's DLLs)
# into a folder, adds that folder to the user's PATH and prints the version.
#
#   irm https://github.com/your-org/leadbook/releases/latest/download/install.ps1 | iex
#   powershell -ExecutionPolicy Bypass -File install.ps1 [-Version 0.2.0] [-Base URL|FOLDER] [-To FOLDER]
#
# -Base (or LEADBOOK_BASE_URL) is where the release's files are: a URL (a team's own mirror) or
# a local folder; by default the project's GitHub release (the latest, or -Version's). -To (or
# LEADBOOK_INSTALL_DIR) is where leadbook goes: by default %LOCALAPPDATA%\Programs\leadbook.
# Messages follow LEADBOOK_LANG or the system's language (zh-* in Chinese). Exit 0 when
# installed, 1 when the download or the checksum failed (nothing is installed). The file is
# UTF-8 with a BOM, as Windows PowerShell 5.1 needs for its Chinese messages.
param(
    [string]$Version = $env:LEADBOOK_VERSION,
    [string]$Base = $env:LEADBOOK_BASE_URL,
    [string]$To = $env:LEADBOOK_INSTALL_DIR
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }

$Repository = 'https://github.com/your-org/leadbook'
$Language = if ($env:LEADBOOK_LANG) { $env:LEADBOOK_LANG } else { (Get-Culture).Name }
$Chinese = $Language -like 'zh*' -or $Language -eq '中文'

# Say ENGLISH CHINESE: one line in the user's language.
function Say([string]$En, [string]$Zh) {
    if ($script:Chinese) { Write-Host $Zh } else { Write-Host $En }
}

# A refusal: a terminating error, so `-File` exits 1 and `irm | iex` does not close the
# terminal it runs in.
function Fail([string]$En, [string]$Zh) {
    if ($script:Chinese) { throw "install.ps1：$Zh" } else { throw "install.ps1: $En" }
}

if ($Version) { $Version = $Version.TrimStart('v') }
if (-not $Base) {
    if ($Version) { $Base = "$Repository/releases/download/v$Version" } else { $Base = "$Repository/releases/latest/download" }
}
$Base = $Base.TrimEnd('/', '\')
if (-not $To) { $To = Join-Path $env:LOCALAPPDATA 'Programs\leadbook' }
if ($env:PROCESSOR_ARCHITECTURE -ne 'AMD64' -and $env:PROCESSOR_ARCHITEW6432 -ne 'AMD64') {
    Say "note: the release is built for x86_64; on $($env:PROCESSOR_ARCHITECTURE) it runs under emulation" "注意：发布包是为 x86_64 构建的；在 $($env:PROCESSOR_ARCHITECTURE) 上以模拟方式运行"
}
$Asset = 'leadbook-windows-x86_64.zip'

function Fetch([string]$Name, [string]$Destination) {
    if ($Base -match '^[a-zA-Z][a-zA-Z0-9+.-]*://') {
        Invoke-WebRequest -UseBasicParsing -Uri "$Base/$Name" -OutFile $Destination
    } else {
        Copy-Item -LiteralPath (Join-Path $Base $Name) -Destination $Destination
    }
}

$Work = Join-Path ([System.IO.Path]::GetTempPath()) ('leadbook-' + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    Say "downloading $Asset from $Base" "正在从 $Base 下载 $Asset"
    try { Fetch $Asset (Join-Path $Work $Asset) } catch { Fail "cannot download $Base/$Asset" "无法下载 $Base/$Asset" }
    try { Fetch 'SHA256SUMS' (Join-Path $Work 'SHA256SUMS') } catch {
        Fail "cannot download $Base/SHA256SUMS: the archive cannot be verified, so it is not installed" "无法下载 $Base/SHA256SUMS：无法校验压缩包，所以没有安装"
    }
    $Expected = $null
    foreach ($Line in Get-Content (Join-Path $Work 'SHA256SUMS')) {
        $Fields = $Line -split '\s+', 2
        if ($Fields.Count -eq 2 -and $Fields[1].TrimStart('*') -eq $Asset) { $Expected = $Fields[0].ToLowerInvariant(); break }
    }
    if (-not $Expected) {
        Fail "SHA256SUMS has no line for ${Asset}: the archive cannot be verified, so it is not installed" "SHA256SUMS 中没有 $Asset 的校验值：无法校验压缩包，所以没有安装"
    }
    $Actual = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path $Work $Asset)).Hash.ToLowerInvariant()
    if ($Actual -ne $Expected) {
        Fail "$Asset does not match its SHA-256 (expected $Expected, got $Actual): the download is damaged or not the release; nothing was installed" "$Asset 与 SHA-256 校验值不符（应为 $Expected，实际为 $Actual）：下载的文件已损坏或不是正式发布包；没有安装任何文件"
    }
    Say "SHA-256 verified: $Actual" "SHA-256 校验通过：$Actual"

    $Unpacked = Join-Path $Work 'unpacked'
    Expand-Archive -LiteralPath (Join-Path $Work $Asset) -DestinationPath $Unpacked
    if (-not (Test-Path (Join-Path $Unpacked 'leadbook.exe'))) { Fail "$Asset holds no leadbook.exe" "$Asset 里没有 leadbook.exe" }
    New-Item -ItemType Directory -Force -Path $To | Out-Null
    Copy-Item -Path (Join-Path $Unpacked '*') -Destination $To -Force
    $Exe = Join-Path $To 'leadbook.exe'
    Say "installed $Exe" "已安装 $Exe"
    & $Exe --version

    $UserPath = [Environment]::GetEnvironmentVariable('Path', 'User')
    $Folders = @($UserPath -split ';' | Where-Object { $_ })
    if ($Folders -notcontains $To) {
        [Environment]::SetEnvironmentVariable('Path', (($Folders + $To) -join ';'), 'User')
        $env:Path = "$env:Path;$To"
        Say "added $To to your PATH (open a new terminal to use it)" "已把 $To 加入 PATH（打开新的终端即可使用）"
    }
} finally {
    Remove-Item -Recurse -Force -LiteralPath $Work -ErrorAction SilentlyContinue
}
