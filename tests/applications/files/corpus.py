"""The upload test corpus, generated in memory (no binary files in the repository).

Each ``make_*`` returns a ``SimpleUploadedFile`` whose claimed content type is deliberately the one
a browser would send for the *name*, so the tests prove the portal never trusts it.
"""

import io
import mimetypes
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")


def pdf_bytes(pages: int = 1, *, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)  # A4 in points
    writer.add_metadata({"/Title": "Situationsplan"})
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(fmt: str, size=(64, 48), *, noisy: bool = True) -> bytes:
    rng = random.Random(42)
    img = Image.new("RGB", size, (200, 220, 240))
    if noisy:  # noise does not compress, so the image data is most of the file
        img.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(size[0] * size[1])])
    out = io.BytesIO()
    img.save(out, format=fmt)
    return out.getvalue()


# --- Good files -------------------------------------------------------------------------------

def good_pdf(name="situationsplan.pdf", pages=2):
    return upload(name, pdf_bytes(pages))


def good_png(name="facade.png", size=(64, 48)):
    return upload(name, image_bytes("PNG", size))


def good_jpeg(name="foto.jpg", size=(64, 48)):
    return upload(name, image_bytes("JPEG", size))


# --- Bad files --------------------------------------------------------------------------------

def html_renamed_pdf():
    return upload("tegning.pdf", b"<!DOCTYPE html>\n<html><head><title>x</title></head>"
                                 b"<body><script>alert(document.cookie)</script></body></html>\n")


def exe_renamed_png():
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
    return upload("foto.png", header + b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 200)


def elf_renamed_jpg():
    return upload("foto.jpg", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 300)


def zip_word_document():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return upload("beskrivelse.pdf", out.getvalue())


def heic_photo():
    return upload("IMG_0042.jpg", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)


def text_file():
    return upload("noter.pdf", "Husk at måle afstanden til skel.\nCarport 30 m².\n".encode())


def unknown_binary():
    return upload("data.pdf", bytes(range(256)) * 4)


def empty_file():
    return upload("tom.pdf", b"")


def encrypted_pdf():
    return upload("hemmelig.pdf", pdf_bytes(1, password="hemmelig"))


def truncated_pdf():
    data = pdf_bytes(3)
    return upload("afbrudt.pdf", data[: len(data) // 2])


def pdf_without_pages():
    return upload("tom-side.pdf", pdf_bytes(0))


def garbage_pdf():
    """Starts like a PDF and ends like one, but there is nothing in between that pypdf can use."""
    return upload("rod.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")


def truncated_png():
    data = image_bytes("PNG", (120, 90))
    return upload("afbrudt.png", data[: int(len(data) * 0.6)])


def truncated_jpeg():
    data = image_bytes("JPEG", (120, 90))
    return upload("afbrudt.jpg", data[: int(len(data) * 0.6)])


def pdf_renamed_png():
    return upload("tegning.png", pdf_bytes(1))


def png_renamed_jpg():
    return upload("facade.jpg", image_bytes("PNG"))


def pdf_without_extension():
    return upload("tegning", pdf_bytes(1))


def dangerous_name():
    return upload("../../etc/\x00pass\x1b[31mwd\r\n\u202eFDP.pdf", pdf_bytes(1))


def very_long_name():
    return upload("plan-" + "æ" * 400 + ".pdf", pdf_bytes(1))
