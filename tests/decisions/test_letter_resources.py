"""Letters embed inline images (a logo, an uploaded picture) and load nothing else — not from disk, not the network."""

import base64
import io

from pypdf import PdfReader
from weasyprint import HTML

from evne.decisions.letters import _fetcher

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _images(html: str) -> list:
    pdf = HTML(string=html, url_fetcher=_fetcher()).write_pdf()
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    return list(resources.get("/XObject", {}).keys())


def test_an_inline_image_is_embedded():
    assert _images(f'<img src="data:image/png;base64,{base64.b64encode(PNG).decode()}" style="width:40px">')


def test_a_file_or_network_resource_is_not_loaded(tmp_path):
    picture = tmp_path / "logo.png"
    picture.write_bytes(PNG)
    assert _images(f'<img src="file://{picture}" style="width:40px">') == []
    assert _images('<img src="http://127.0.0.1:9/logo.png" style="width:40px">') == []
