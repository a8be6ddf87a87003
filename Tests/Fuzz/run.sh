#!/usr/bin/env bash
# Fuzzes leadbook's readers with libFuzzer.
#   Tests/Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
# TARGET is front-matter, log, csv, inflate or json. The seed corpus is every customer file of the
# repository (template-workspace and test fixtures), for inflate the DEFLATE streams of
# Tests/Fixtures/deflate, for json the JSON of the fixtures; new inputs go to .build/fuzz/TARGET/corpus, crashes to
# .build/fuzz/TARGET/crashes. A crash found is kept as a regression case under
# Tests/Fixtures/fuzz/TARGET/ (the unit tests read every file there).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v swiftc >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"
target=${1:?usage: Tests/Fuzz/run.sh front-matter|log|csv|inflate|json [SECONDS]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : $# ))
case "$target" in
  front-matter) entry=Tests/Fuzz/FrontMatterTarget.swift ;;
  log) entry=Tests/Fuzz/LogTarget.swift ;;
  csv) entry=Tests/Fuzz/CSVTarget.swift ;;
  inflate) entry=Tests/Fuzz/InflateTarget.swift ;;
  json) entry=Tests/Fuzz/JSONTarget.swift ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
work=.build/fuzz/$target
mkdir -p "$work/corpus" "$work/crashes" "$work/seed"
if [ "$target" = inflate ]; then
  find Tests/Fixtures/deflate -name '*.deflate' -type f 2>/dev/null | while read -r f; do cp "$f" "$work/seed/$(echo "$f" | tr '/' '_')"; done
elif [ "$target" = json ]; then
  # What the language server reads: the JSON of the fixtures and the messages of its tests.
  find Tests/Fixtures -name '*.json' -type f -size -64k 2>/dev/null | while read -r f; do cp "$f" "$work/seed/$(echo "$f" | tr '/' '_')"; done
  printf '%s' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file:///ws","capabilities":{"general":{"positionEncodings":["utf-8"]}}}}' > "$work/seed/initialize.json"
  printf '%s' '{"a":"\ud83d\ude00\u4e2d\n","b":[1,-2.5e-3,true,false,null,{}],"a":"\ud800"}' > "$work/seed/strings.json"
else
  find template-workspace Tests/Fixtures -name '*.md' -type f -size -64k 2>/dev/null | while read -r f; do
    cp "$f" "$work/seed/$(echo "$f" | tr '/' '_')"
  done
fi
if [ "$target" = csv ]; then
  find Tests/Fixtures -name '*.csv' -type f 2>/dev/null | while read -r f; do cp "$f" "$work/seed/$(echo "$f" | tr '/' '_')"; done
fi
binary=$work/fuzz-$target
# The text layer and the core compiled as one module with the target, so the fuzzer sees them
# all (the core's `import LeadbookText` lines and `LeadbookText.` qualifiers are left out of
# the copy, and `Configuration.Language`, an alias of `LeadbookText.Language`, is `Language`);
# inflate and json need only the text layer.
flat=$work/sources
rm -rf "$flat" && mkdir -p "$flat"
layers="Sources/LeadbookText Sources/LeadbookCore"
[ "$target" = inflate ] && layers=Sources/LeadbookText
[ "$target" = json ] && layers=Sources/LeadbookText
find $layers -name '*.swift' | sort | while read -r f; do
  grep -v '^import LeadbookText$' "$f" | sed -e '/typealias \([A-Za-z]*\) = LeadbookText\.\1$/d' -e 's/\bLeadbookText\.\([A-Z]\)/\1/g' \
    -e 's/\bConfiguration\.Language\b/Language/g' \
    > "$flat/$(echo "$f" | tr '/' '_')"
done
sources=$(find "$flat" -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -O -parse-as-library -module-name LeadbookCore \
  $sources "$entry" -o "$binary"
"$binary" "$work/corpus" "$work/seed" -max_total_time="$seconds" -artifact_prefix="$work/crashes/" \
  -max_len=65536 -print_final_stats=1 "$@"
