"""Raw DEFLATE streams made by zlib, the oracle of Inflate (Tests/LeadbookTests/Text/InflateTests.swift).

    python3 make_corpus.py fixture PACKAGE_ROOT   rewrites the committed corpus beside this script:
                                                   <name>.deflate and corpus.txt (name, size, SHA-256
                                                   of what the stream decodes to)
    python3 make_corpus.py live PACKAGE_ROOT      writes every stream of the full corpus to standard
                                                   output, framed, each with the bytes it decodes to
    python3 make_corpus.py mutants PACKAGE_ROOT N writes N damaged streams (bits flipped, bytes
                                                   changed, cut short, pieces doubled), each with zlib's
                                                   verdict: the bytes it decodes to, or that it fails

Frames: a 1-byte tag, then length-prefixed (4 bytes, little-endian) fields. Everything is made
from fixed seeds, so a run gives the same bytes every time.
"""
import hashlib
import os
import random
import struct
import sys
import zlib

STRATEGIES = {
    "default": zlib.Z_DEFAULT_STRATEGY,
    "filtered": zlib.Z_FILTERED,
    "huffman": zlib.Z_HUFFMAN_ONLY,
    "rle": zlib.Z_RLE,
    "fixed": zlib.Z_FIXED,
}

CHINESE = (
    "客户名称：华东云计算有限公司。联系人：陈晓明，采购经理，电话 013800000101。"
    "首次接触来自展会，对方关注私有化部署与价格，预算约 30 万元，决策时间为下季度。"
    "跟进记录：已发送方案，客户反馈需要补充案例；下次跟进安排在周五上午。"
    "线索分级 A，负责人 王芳。𠀀𠀁𪚥（扩展 B 区汉字）也要原样保留。\n"
)


def deflate(data, level, strategy="default", mem_level=8, window=15):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -window, mem_level, STRATEGIES[strategy])
    return compressor.compress(data) + compressor.flush()


def chinese_text(size, rng):
    sentences = CHINESE.split("。")
    out = []
    total = 0
    while total < size:
        piece = (rng.choice(sentences) + "。").encode("utf-8")
        out.append(piece)
        total += len(piece)
    return b"".join(out)[:size]


def small_alphabet(size, rng, alphabet=b"abcd \n"):
    return bytes(rng.choice(alphabet) for _ in range(size))


def template_files(root):
    folder = os.path.join(root, "template-workspace")
    found = []
    for base, _, names in os.walk(folder):
        for name in names:
            found.append(os.path.join(base, name))
    return sorted(found)


def inputs(root, full):
    """(name, bytes) of every input, the large ones only when `full`."""
    rng = random.Random(20)
    cases = [
        ("empty", b""),
        ("one-byte", b"a"),
        ("chinese", chinese_text(6000, rng)),
        ("random-1k", rng.randbytes(1000)),
        ("run-a-20k", b"a" * 20000),
        ("run-zero-70k", b"\0" * 70000),
        ("pattern-ab", b"ab" * 5000 + b"abc" * 3000),
        ("window-32767", small_alphabet(32767, rng)),
        ("window-32769", small_alphabet(32769, rng)),
        ("window-65537", small_alphabet(65537, rng)),
    ]
    repeated = rng.randbytes(4000)
    cases.append(("far-matches", repeated + small_alphabet(28000, rng) + repeated))
    workspace = b"".join(open(path, "rb").read() for path in template_files(root))
    cases.append(("template-workspace", workspace))
    if full:
        cases += [
            ("random-40k", rng.randbytes(40000)),
            ("chinese-100k", chinese_text(100000, rng)),
            ("window-32768", small_alphabet(32768, rng)),
            ("window-65535", small_alphabet(65535, rng)),
            ("window-65536", small_alphabet(65536, rng)),
            ("stored-131071", rng.randbytes(131071)),
            ("stored-196605", rng.randbytes(196605)),
            ("run-a-300k", b"a" * 300000),
        ]
        for path in template_files(root):
            cases.append(("file-" + os.path.relpath(path, root).replace("/", "_"), open(path, "rb").read()))
        mix = []
        total = 0
        while total < 1 << 20:
            kind = rng.randrange(5)
            size = rng.randrange(1, 30000)
            piece = [chinese_text(size, rng), rng.randbytes(size // 8 + 1), bytes([rng.randrange(256)]) * size,
                     small_alphabet(size, rng), workspace[: size]][kind]
            mix.append(piece)
            total += len(piece)
        cases.append(("mix-1m", b"".join(mix)[: 1 << 20]))
    return cases


def settings(full):
    """(level, strategy, memLevel, window bits) to compress each input with."""
    if not full:
        return [(0, "default", 8, 15), (1, "default", 8, 15), (6, "default", 8, 15), (9, "default", 9, 15),
                (6, "filtered", 8, 15), (6, "huffman", 8, 15), (6, "rle", 8, 15), (6, "fixed", 8, 15),
                (9, "default", 1, 9)]
    found = []
    for level in range(10):
        for strategy in STRATEGIES:
            for mem_level in ((1, 8, 9) if level in (1, 6, 9) else (8,)):
                found.append((level, strategy, mem_level, 15))
    for window in (9, 12):
        found.append((6, "default", 8, window))
    return found


def frame(tag, *fields):
    out = sys.stdout.buffer
    out.write(tag)
    for field in fields:
        out.write(struct.pack("<I", len(field)))
        out.write(field)


def fixture(root):
    here = os.path.dirname(os.path.abspath(__file__))
    for name in os.listdir(here):
        if name.endswith(".deflate"):
            os.remove(os.path.join(here, name))
    lines = []
    for name, data in inputs(root, full=False):
        for level, strategy, mem_level, window in settings(full=False):
            stream = deflate(data, level, strategy, mem_level, window)
            file = "%s.l%d.%s.m%d.w%d.deflate" % (name, level, strategy, mem_level, window)
            # Small enough to commit: stored streams of small inputs only, and the template
            # workspace once, at level 9.
            if name == "template-workspace":
                if (level, strategy, mem_level) != (9, "default", 9):
                    continue
            elif len(stream) > 16000 or (level == 0 and len(data) > 10000):
                continue
            with open(os.path.join(here, file), "wb") as handle:
                handle.write(stream)
            lines.append((file, len(data), hashlib.sha256(data).hexdigest()))
    with open(os.path.join(here, "corpus.txt"), "w") as handle:
        handle.write("# stream<TAB>bytes it decodes to<TAB>their SHA-256 (made by make_corpus.py with zlib %s)\n" % zlib.ZLIB_VERSION)
        for file, size, digest in sorted(lines):
            handle.write("%s\t%d\t%s\n" % (file, size, digest))


def live(root):
    for name, data in inputs(root, full=True):
        combos = settings(full=True)
        if len(data) > 65537:
            combos = [c for c in combos if c[2] == 8 and c[0] in (0, 1, 6, 9)]
        for level, strategy, mem_level, window in combos:
            stream = deflate(data, level, strategy, mem_level, window)
            label = "%s level %d %s memLevel %d wbits -%d" % (name, level, strategy, mem_level, window)
            frame(b"S", label.encode(), stream, data)


def verdict(stream):
    decompressor = zlib.decompressobj(-15)
    try:
        data = decompressor.decompress(stream)
    except zlib.error:
        return None
    return data if decompressor.eof else None


def mutants(root, count):
    rng = random.Random(2020)
    sources = []
    for name, data in inputs(root, full=False):
        for level, strategy, mem_level, window in settings(full=False):
            sources.append(deflate(data[:8000], level, strategy, mem_level, window))
    sources = [s for s in sources if len(s) > 2]
    for index in range(count):
        stream = bytearray(rng.choice(sources))
        kind = index % 5
        if kind == 0:
            for _ in range(rng.randrange(1, 4)):
                bit = rng.randrange(len(stream) * 8)
                stream[bit // 8] ^= 1 << (bit % 8)
        elif kind == 1:
            del stream[rng.randrange(len(stream)):]
        elif kind == 2:
            stream[rng.randrange(len(stream))] = rng.randrange(256)
        elif kind == 3:
            start = rng.randrange(len(stream))
            stream[start:start] = stream[start: start + rng.randrange(1, 64)]
        else:
            # a flip in the first bytes, where a block header and its code lengths are
            bit = rng.randrange(min(len(stream), 40) * 8)
            stream[bit // 8] ^= 1 << (bit % 8)
        stream = bytes(stream)
        result = verdict(stream)
        label = ("mutant %d" % index).encode()
        if result is None:
            frame(b"E", label, stream)
        else:
            frame(b"S", label, stream, result)


if __name__ == "__main__":
    mode, root = sys.argv[1], sys.argv[2]
    if mode == "fixture":
        fixture(root)
    elif mode == "live":
        live(root)
    elif mode == "mutants":
        mutants(root, int(sys.argv[3]))
    else:
        raise SystemExit("unknown mode " + mode)
