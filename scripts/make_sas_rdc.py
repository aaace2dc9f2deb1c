#!/usr/bin/env python3
"""Rewrites an RLE-compressed SAS dataset (COMPRESS=CHAR, as ReadStat writes it) as an
RDC-compressed one (COMPRESS=BINARY), the same rows, so that regpipe's reading of RDC
(through ReadStat, which reads RDC but writes none) can be tested on files regpipe did
not write.

Every row is decoded from RLE and encoded again with Ross Data Compression; every
seventh row (the 4th, 11th, 18th, ...) is stored uncompressed, as SAS stores a row that
does not shrink. The metadata subheaders are kept byte for byte, the compression literal
becomes SASYZCR2, and the pages are laid out anew (a 32- or 64-bit little-endian file
stays what it was). Then pandas, an independent RDC reader, reads the result and must
see the same values as pyreadstat sees in the original, or the script fails.

    python3 scripts/make_sas_rdc.py IN_RLE.sas7bdat OUT_RDC.sas7bdat [--no-check]

--no-check skips the pandas comparison (benchmark data of millions of rows,
scripts/bench-sas; a fixture is never made without it).
"""
import struct
import sys

ROW_SIZE = 0xF7F7F7F7
COLUMN_SIZE = 0xF6F6F6F6
COUNTS = 0xFFFFFC00
COLUMN_FORMAT = 0xFFFFFBFE
KNOWN = {ROW_SIZE, COLUMN_SIZE, COUNTS, COLUMN_FORMAT}


def known_signature(signature):
    # Column text, names, attributes and list subheaders share the mask FFFFFFF8.
    return signature in KNOWN or (signature & 0xFFFFFFF8) == 0xFFFFFFF8


def rle_decode(data):
    """SAS RLE (the control bytes as the sas7bdat format documents them)."""
    out = bytearray()
    i = 0
    while i < len(data):
        control, low = data[i] & 0xF0, data[i] & 0x0F
        i += 1
        if control == 0x00:
            n = data[i] + 64 + low * 256
            out += data[i + 1 : i + 1 + n]
            i += 1 + n
        elif control == 0x40:
            n = data[i] + 18 + low * 256
            out += bytes([data[i + 1]]) * n
            i += 2
        elif control in (0x60, 0x70):
            n = low * 256 + data[i] + 17
            out += (b" " if control == 0x60 else b"\0") * n
            i += 1
        elif control in (0x80, 0x90, 0xA0, 0xB0):
            n = low + {0x80: 1, 0x90: 17, 0xA0: 33, 0xB0: 49}[control]
            out += data[i : i + n]
            i += n
        elif control == 0xC0:
            out += bytes([data[i]]) * (low + 3)
            i += 1
        elif control in (0xD0, 0xE0, 0xF0):
            out += {0xD0: b"@", 0xE0: b" ", 0xF0: b"\0"}[control] * (low + 2)
        else:
            raise ValueError("unknown RLE control byte %#x" % control)
    return bytes(out)


def rdc_encode(data):
    """Ross Data Compression: 16 items per 16-bit control word (MSB first), an item a
    literal byte (bit 0) or a command (bit 1): runs of 3-18 and 19-4114 bytes, copies of
    3-15 and 16-271 bytes from 3-4098 bytes back."""
    out = bytearray()
    items = []
    i = 0
    n = len(data)
    while i < n:
        run = 1
        while i + run < n and data[i + run] == data[i] and run < 4114:
            run += 1
        best_length, best_offset = 0, 0
        for offset in range(3, min(i, 4098) + 1):
            length = 0
            while i + length < n and length < min(271, offset) and data[i + length] == data[i - offset + length]:
                length += 1
            if length > best_length:
                best_length, best_offset = length, offset
        if run >= 3 and run >= best_length:
            if run <= 18:
                items.append(bytes([run - 3, data[i]]))
            else:
                count = run - 19
                items.append(bytes([0x10 | (count & 0x0F), count >> 4, data[i]]))
            i += run
        elif best_length >= 3:
            offset = best_offset - 3
            if best_length <= 15:
                items.append(bytes([(best_length << 4) | (offset & 0x0F), offset >> 4]))
            else:
                items.append(bytes([0x20 | (offset & 0x0F), offset >> 4, best_length - 16]))
            i += best_length
        else:
            items.append(data[i : i + 1])
            i += 1
    for start in range(0, len(items), 16):
        group = items[start : start + 16]
        control = 0
        for k, item in enumerate(group):
            if len(item) > 1:
                control |= 0x8000 >> k
        out += struct.pack(">H", control)
        for item in group:
            out += item
    return bytes(out)


def rdc_decode(data, size):
    """The inverse of rdc_encode, to check each row before it is written."""
    out = bytearray()
    i, mask, bits = 0, 0, 0
    while i < len(data):
        mask >>= 1
        if mask == 0:
            bits, mask, i = (data[i] << 8) | data[i + 1], 0x8000, i + 2
        if not bits & mask:
            out.append(data[i])
            i += 1
            continue
        command, count = data[i] >> 4, data[i] & 0x0F
        i += 1
        if command == 0:
            out += bytes([data[i]]) * (count + 3)
            i += 1
        elif command == 1:
            out += bytes([data[i + 1]]) * (count + (data[i] << 4) + 19)
            i += 2
        else:
            offset = count + 3 + (data[i] << 4)
            length = data[i + 1] + 16 if command == 2 else command
            i += 2 if command == 2 else 1
            for _ in range(length):
                out.append(out[-offset])
    assert len(out) == size
    return bytes(out)


def convert(source, target):
    raw = open(source, "rb").read()
    is64 = raw[32] == 0x33
    align = 4 if raw[35] == 0x33 else 0
    if raw[37] != 0x01:
        raise SystemExit("only little-endian datasets are rewritten")
    header_length, page_size = struct.unpack_from("<II", raw, 196 + align)
    page_count = struct.unpack_from("<Q" if is64 else "<I", raw, 204 + align)[0]
    word = 8 if is64 else 4
    page_header = 40 if is64 else 24
    pointer_size = 24 if is64 else 12
    metas, rows, row_length = [], [], None
    for p in range(page_count):
        page = raw[header_length + p * page_size : header_length + (p + 1) * page_size]
        page_type, _, count = struct.unpack_from("<HHH", page, page_header - 8)
        if page_type & 0x0F00 == 0x0100:
            raise SystemExit("the input has data pages: write it with RLE compression")
        for k in range(count):
            at = page_header + k * pointer_size
            offset, length = struct.unpack_from("<QQ" if is64 else "<II", page, at)
            compression, kind = page[at + 2 * word], page[at + 2 * word + 1]
            body = page[offset : offset + length]
            if length == 0 or compression == 1:
                continue
            signature = struct.unpack_from("<I", body, 0)[0]
            if compression == 4:
                rows.append(rle_decode(body))
            elif kind == 1 and not known_signature(signature):
                rows.append(body)
            else:
                if signature == ROW_SIZE:
                    row_length = struct.unpack_from("<Q" if is64 else "<I", body, 5 * word)[0]
                metas.append(body.replace(b"SASYZCRL", b"SASYZCR2"))
    assert row_length and all(len(row) == row_length for row in rows), "rows do not decode to the row length"
    assert any(b"SASYZCR2" in meta for meta in metas), "the input is not RLE-compressed"

    items = [(meta, 0, 0) for meta in metas]
    for index, row in enumerate(rows):
        packed = rdc_encode(row)
        assert rdc_decode(packed, row_length) == row
        items.append((row, 0, 1) if index % 7 == 3 or len(packed) >= row_length else (packed, 4, 1))

    pages = []
    first_header = raw[header_length : header_length + page_header]
    next_item = 0
    while next_item < len(items):
        page = bytearray(page_size)
        page[:page_header] = first_header
        end, placed = page_size, 0
        while next_item < len(items):
            body, compression, kind = items[next_item]
            start = (end - len(body)) & ~7
            if start < page_header + (placed + 1) * pointer_size + 8:
                break
            page[start : start + len(body)] = body
            at = page_header + placed * pointer_size
            struct.pack_into("<QQ" if is64 else "<II", page, at, start, len(body))
            page[at + 2 * word], page[at + 2 * word + 1] = compression, kind
            end, placed = start, placed + 1
            next_item += 1
        struct.pack_into("<HHH", page, page_header - 8, 0, placed, placed)
        pages.append(bytes(page))
    header = bytearray(raw[:header_length])
    struct.pack_into("<Q" if is64 else "<I", header, 204 + align, len(pages))
    with open(target, "wb") as out:
        out.write(header)
        for page in pages:
            out.write(page)
    return len(rows), len(pages)


def check(source, target):
    """pandas (its own RDC decoder) must read the rewritten file as pyreadstat reads the
    original: the same variables and values. Both leave dates as SAS numbers, since
    pandas misreads some formats of ReadStat-written files (a DATE9 taken for none)."""
    import pandas
    import pyreadstat
    from pandas.io.sas.sas7bdat import SAS7BDATReader

    original, _ = pyreadstat.read_sas7bdat(source, disable_datetime_conversion=True)
    with SAS7BDATReader(target, convert_dates=False, encoding="utf-8") as reader:
        rewritten = reader.read()
    assert list(original.columns) == list(rewritten.columns), (list(original.columns), list(rewritten.columns))
    assert len(original) == len(rewritten), (len(original), len(rewritten))
    for name in original.columns:
        for row, (a, b) in enumerate(zip(original[name].tolist(), rewritten[name].tolist())):
            a, b = sas_value(a, pandas), sas_value(b, pandas)
            assert a == b, "%s row %d: %r != %r" % (name, row + 1, a, b)


def sas_value(value, pandas):
    """Text stripped, with missing and blank text as None; numbers as floats."""
    if value is None or (not isinstance(value, str) and pandas.isna(value)):
        return None
    if isinstance(value, str):
        return value.strip() or None  # a blank character value is SAS's missing text
    return float(value)

if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--no-check"]
    if len(arguments) != 2:
        raise SystemExit(__doc__)
    count, page_total = convert(*arguments)
    if "--no-check" in sys.argv:
        print("%s: %d rows in %d pages, RDC; not checked" % (arguments[1], count, page_total))
    else:
        check(*arguments)
        print("%s: %d rows in %d pages, RDC; pandas reads the values pyreadstat reads in %s"
              % (arguments[1], count, page_total, arguments[0]))
