#!/usr/bin/env python3
"""Writes the small PDFs under tests/fixtures/pdf/ that the PDF tests read.

Run from the repository root: python3 scripts/make_pdf_fixtures.py
Standard library only: the PDFs are written by hand (Helvetica, no embedded fonts), and the
two encrypted ones use the PDF standard security handler, revision 2 (40-bit RC4), whose
MD5 and RC4 steps are a few lines each.

- brief.pdf: two pages laid out as a policy brief (kicker, title, byline, date, headings by
  size and by weight, a paragraph across the page break, a word split at a line end,
  bullets, a running footer with page numbers).
- no-text.pdf: one page with a drawn rectangle and no text (a scan looks like this).
- encrypted.pdf: brief.pdf's first page, encrypted with the user password "secret".
- owner-only.pdf: the same, encrypted with an owner password only (opens without one).
"""
import hashlib
import os

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def esc(text):
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_stream(lines, footer=None):
    """lines: (font, size, x, y, text); font F1 = Helvetica, F2 = Helvetica-Bold."""
    out = b""
    for font, size, x, y, text in lines:
        out += b"BT /%s %d Tf %d %d Td (%s) Tj ET\n" % (font.encode(), size, x, y, esc(text))
    if footer:
        out += b"BT /F1 8 Tf 72 30 Td (%s) Tj ET\n" % esc(footer)
    return out


def write_pdf(path, streams, user_pw=None, owner_pw=b"owner"):
    """streams: one content stream per page. With user_pw set (bytes, may be empty) the file
    is encrypted with the standard security handler, revision 2."""
    file_id = hashlib.md5(os.path.basename(path).encode()).digest()
    objects = {}
    n_pages = len(streams)
    font1, font2 = 3, 4
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n_pages)).encode()
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages)
    objects[font1] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects[font2] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    key = None
    encrypt_obj = None
    if user_pw is not None:
        p = -44  # print and copy allowed, nothing else
        o = rc4(hashlib.md5((owner_pw + PAD)[:32]).digest()[:5], (user_pw + PAD)[:32])
        key = hashlib.md5((user_pw + PAD)[:32] + o + p.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
        u = rc4(key, PAD)
        encrypt_obj = 5 + 2 * n_pages
        objects[encrypt_obj] = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o.hex().encode(), u.hex().encode(), p)
    for i, content in enumerate(streams):
        page, stream = 5 + 2 * i, 6 + 2 * i
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                         b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                         % (font1, font2, stream))
        if key is not None:
            obj_key = hashlib.md5(key + stream.to_bytes(3, "little") + b"\0\0").digest()[:10]
            content = rc4(obj_key, content)
        objects[stream] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    trailer = b"/Size %d /Root 1 0 R /ID [<%s> <%s>]" % (size, file_id.hex().encode(), file_id.hex().encode())
    if encrypt_obj:
        trailer += b" /Encrypt %d 0 R" % encrypt_obj
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    with open(path, "wb") as f:
        f.write(out)


PAGE1 = [
    ("F2", 10, 72, 740, "POLICY BRIEF"),
    ("F2", 20, 72, 700, "Grain Corridors After the Deal"),
    ("F1", 11, 72, 676, "By Ann Lee and Ben Ode"),
    ("F1", 11, 72, 660, "Updated March 3, 2023"),
    ("F2", 14, 72, 624, "Background"),
    ("F1", 11, 72, 604, "The talks resumed in Muscat after a pause of two months, and the"),
    ("F1", 11, 72, 590, "delegations agreed to meet again in the spring. The new rules cover"),
    ("F1", 11, 72, 576, "the application of tariffs to grain shipped through the corridor."),
    ("F1", 11, 72, 550, "Exporters welcomed the decision. Importers asked how the ap-"),
    ("F1", 11, 72, 536, "plication would work for cargoes already at sea, and whether the"),
    ("F1", 11, 72, 522, "war-risk premium would fall. A paragraph that runs over the page"),
]
PAGE2 = [
    ("F1", 11, 72, 740, "break ends here, on the second page."),
    ("F2", 11, 72, 710, "What Comes Next"),
    ("F1", 11, 72, 690, "\u2022 Publish the shipping data every week."),
    ("F1", 11, 72, 674, "\u2022 Agree a drought clause before the dry season."),
    ("F1", 11, 72, 650, "Ann Lee, Senior Fellow"),
    ("F1", 11, 72, 636, "Ben Ode, Research Analyst"),
]

if __name__ == "__main__":
    here = "tests/fixtures/pdf"
    os.makedirs(here, exist_ok=True)
    write_pdf(f"{here}/brief.pdf", [page_stream(PAGE1, "Example Institute | Page 1"),
                                    page_stream(PAGE2, "Example Institute | Page 2")])
    write_pdf(f"{here}/no-text.pdf", [b"0 0 1 rg 100 100 400 600 re f\n"])
    write_pdf(f"{here}/encrypted.pdf", [page_stream(PAGE1)], user_pw=b"secret")
    write_pdf(f"{here}/owner-only.pdf", [page_stream(PAGE1)], user_pw=b"")
