#!/bin/sh
# Installs leadbook on Linux or macOS from a release: downloads the archive for this machine,
# checks its SHA-256 against the release's SHA256SUMS, puts leadbook in a folder on PATH (or
# says exactly what to add) and prints its version.
#
#   curl -fsSL https://github.com/your-org/leadbook/releases/latest/download/install.sh | sh
#   sh install.sh [--version 0.2.0] [--base URL|FOLDER] [--to FOLDER]
#
# --base (or LEADBOOK_BASE_URL) is where the release's files are: a URL (a team's own mirror)
# or a local folder; by default the project's GitHub release (the latest, or --version's).
# --to (or LEADBOOK_INSTALL_DIR) is where leadbook goes: by default /usr/local/bin when it is
# writable, else ~/.local/bin. Messages follow LEADBOOK_LANG or the locale (zh_* in Chinese).
# Exit 0 when installed, 1 when the download or the checksum failed (nothing is installed),
# 2 on a usage error.
set -eu

repository="https://github.com/your-org/leadbook"
version="${LEADBOOK_VERSION:-}"
base="${LEADBOOK_BASE_URL:-}"
to="${LEADBOOK_INSTALL_DIR:-}"

case "${LEADBOOK_LANG:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}" in
  zh*|中文) chinese=1 ;;
  *) chinese=0 ;;
esac

# say ENGLISH CHINESE: one line in the user's language.
say() {
  if [ "$chinese" = 1 ]; then printf '%s\n' "$2"; else printf '%s\n' "$1"; fi
}

fail() {
  code="$1"; shift
  say "install.sh: $1" "install.sh：$2" >&2
  exit "$code"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --version) [ $# -ge 2 ] || fail 2 "--version needs a value (0.2.0)" "--version 后面要写版本号（如 0.2.0）"; version="$2"; shift 2 ;;
    --version=*) version="${1#*=}"; shift ;;
    --base) [ $# -ge 2 ] || fail 2 "--base needs a URL or a folder" "--base 后面要写网址或文件夹"; base="$2"; shift 2 ;;
    --base=*) base="${1#*=}"; shift ;;
    --to) [ $# -ge 2 ] || fail 2 "--to needs a folder" "--to 后面要写文件夹"; to="$2"; shift 2 ;;
    --to=*) to="${1#*=}"; shift ;;
    -h|--help) sed -n '2,16p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail 2 "unknown option \`$1\` (use --version, --base, --to)" "不认识的选项 \`$1\`（可用 --version、--base、--to）" ;;
  esac
done

version="${version#v}"
if [ -z "$base" ]; then
  if [ -n "$version" ]; then base="$repository/releases/download/v$version"; else base="$repository/releases/latest/download"; fi
fi
base="${base%/}"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) fail 2 "this is Windows: use install.ps1 (docs/install.md)" "这是 Windows：请使用 install.ps1（见 docs/install.md）" ;;
  *) fail 2 "no leadbook release for $(uname -s); build it from source (docs/install.md)" "没有适用于 $(uname -s) 的 leadbook 发布包；请从源码构建（见 docs/install.md）" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) fail 2 "no leadbook release for $(uname -m); build it from source (docs/install.md)" "没有适用于 $(uname -m) 的 leadbook 发布包；请从源码构建（见 docs/install.md）" ;;
esac
if [ "$os" = macos ]; then target=macos-universal; else target="linux-$arch"; fi
asset="leadbook-$target.tar.gz"

# fetch NAME DESTINATION: a file of the release, from a folder or a URL.
fetch() {
  case "$base" in
    *://*)
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 3 -o "$2" "$base/$1"
      elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$2" "$base/$1"
      else
        fail 1 "neither curl nor wget is installed" "没有安装 curl 或 wget"
      fi ;;
    *) cp "$base/$1" "$2" ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 "$1" | sed 's/^.*= *//'
  else fail 1 "cannot compute a SHA-256 (no sha256sum, shasum or openssl)" "无法计算 SHA-256（没有 sha256sum、shasum 或 openssl）"
  fi
}

work=$(mktemp -d 2>/dev/null || mktemp -d -t leadbook)
trap 'rm -rf "$work"' EXIT INT TERM

say "downloading $asset from $base" "正在从 $base 下载 $asset"
fetch "$asset" "$work/$asset" 2>/dev/null || fail 1 "cannot download $base/$asset" "无法下载 $base/$asset"
fetch SHA256SUMS "$work/SHA256SUMS" 2>/dev/null || fail 1 "cannot download $base/SHA256SUMS: the archive cannot be verified, so it is not installed" "无法下载 $base/SHA256SUMS：无法校验压缩包，所以没有安装"
expected=$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1; exit }' "$work/SHA256SUMS")
[ -n "$expected" ] || fail 1 "SHA256SUMS has no line for $asset: the archive cannot be verified, so it is not installed" "SHA256SUMS 中没有 $asset 的校验值：无法校验压缩包，所以没有安装"
actual=$(sha256 "$work/$asset")
if [ "$actual" != "$expected" ]; then
  fail 1 "$asset does not match its SHA-256 (expected $expected, got $actual): the download is damaged or not the release; nothing was installed" \
         "$asset 与 SHA-256 校验值不符（应为 $expected，实际为 $actual）：下载的文件已损坏或不是正式发布包；没有安装任何文件"
fi
say "SHA-256 verified: $actual" "SHA-256 校验通过：$actual"

mkdir -p "$work/unpacked"
tar -xzf "$work/$asset" -C "$work/unpacked" || fail 1 "cannot unpack $asset" "无法解压 $asset"
[ -f "$work/unpacked/leadbook" ] || fail 1 "$asset holds no leadbook" "$asset 里没有 leadbook"

if [ -z "$to" ]; then
  if [ -w /usr/local/bin ]; then to=/usr/local/bin; else to="$HOME/.local/bin"; fi
fi
mkdir -p "$to" || fail 1 "cannot create $to" "无法创建 $to"
# Copied beside, then renamed over the old one: a running leadbook is never half replaced.
cp "$work/unpacked/leadbook" "$to/.leadbook.installing.$$" || fail 1 "cannot write to $to (choose another folder with --to)" "无法写入 $to（可用 --to 换一个文件夹）"
chmod 755 "$to/.leadbook.installing.$$"
mv -f "$to/.leadbook.installing.$$" "$to/leadbook"
say "installed $to/leadbook" "已安装 $to/leadbook"
"$to/leadbook" --version

case ":$PATH:" in
  *":$to:"*)
    found=$(command -v leadbook 2>/dev/null || true)
    if [ -n "$found" ] && [ "$found" != "$to/leadbook" ]; then
      say "note: $found comes first on PATH; remove it or put $to before it" "注意：PATH 中先找到的是 $found；请删除它，或把 $to 放到它前面"
    fi ;;
  *)
    case "${SHELL:-}" in
      */zsh) profile="$HOME/.zprofile" ;;
      */bash) profile="$HOME/.bashrc" ;;
      *) profile="$HOME/.profile" ;;
    esac
    say "$to is not on PATH; add it (then open a new terminal):" "$to 不在 PATH 中；请运行下面这行把它加进去（然后打开新的终端）："
    # shellcheck disable=SC2016 # $PATH is for the user's shell to expand, later
    printf '  echo '\''export PATH="%s:$PATH"'\'' >> %s\n' "$to" "$profile" ;;
esac
