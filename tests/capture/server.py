"""A local HTTP server of fixture pages for the capture tests and benchmark (nothing leaves the machine).

Pages (``pages/``): a news article with navigation, ads, comments and a footer around it; a Korean
article served in EUC-KR; a page whose text changes between two captures (``server.version``); a page
with no publication date; plain text; a PDF made here. Behaviours: redirects (to a page, in a loop, to
another scheme, to a private address), a huge page (sent without a length, or declaring one), a slow
page, a gzip-compressed page, an image, status codes (404, 503), and a page that fails with 503 a given
number of times before it answers (``server.fail_next[path] = n``).
"""

import gzip
import http.server
import itertools
import socket
import sys
import threading
import time
import zlib
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
PORTS = range(8141, 8150)  # this checkout's range on shared machines; any free port if all are taken


def pdf_bytes(lines: list[str], *, title: str = "", author: str = "", created: str = "") -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (ASCII), written by hand with exact offsets."""
    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET"
    info = " ".join(
        f"/{key} ({escape(value)})" for key, value in [("Title", title), ("Author", author), ("CreationDate", created)] if value
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< {info} >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


STATEMENT_PDF = pdf_bytes(
    ["Ministry of Defence - press statement", "The ministry estimates that about 2,000 soldiers were killed.",
     "It will not comment further."],
    title="Press statement on losses", author="Press office", created="D:20250904090000Z",
)


class FixtureHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fixture/1.0"

    def log_message(self, format, *args):  # quiet: the tests read server.hits instead
        pass

    def do_GET(self):
        fixture = self.server.fixture
        path = self.path.split("?", 1)[0]
        with fixture.lock:
            fixture.hits.append(path)
            failures = fixture.fail_next.get(path, 0)
            if failures:
                fixture.fail_next[path] = failures - 1
        if failures:
            return self.send_page(b"temporarily unavailable", status=503, content_type="text/plain")
        if path.startswith("/bench/"):
            return self.route_bench(path)
        route = getattr(self, "route_" + path.strip("/").replace("/", "_").replace("-", "_").replace(".", "_"), None)
        if route is None:
            return self.send_page(b"<h1>Not found</h1>", status=404)
        return route()

    # -- helpers ------------------------------------------------------------------------------------
    def send_page(self, body: bytes, *, status=200, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def page(self, name: str) -> bytes:
        return (PAGES / name).read_bytes()

    def redirect(self, location: str, status=301):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # -- pages --------------------------------------------------------------------------------------
    def route_news_seoul_2000_html(self):
        self.send_page(self.page("news-article.html"))

    def route_bench(self, path):  # /bench/<n>.html: the article, its figure and title made distinct by n
        try:
            number = int(path[len("/bench/"):].removesuffix(".html"))
        except ValueError:
            return self.send_page(b"<h1>Not found</h1>", status=404)
        text = self.page("news-article.html").decode("utf-8")
        text = text.replace("about 2,000", f"about {2000 + number:,}").replace("Seoul says 2,000", f"Seoul says {2000 + number:,}")
        self.send_page(text.encode("utf-8"))

    def route_news_flaky_html(self):  # failures are set through server.fail_next
        self.send_page(self.page("news-article.html"))

    def route_ko_article_html(self):
        text = self.page("korean.html").decode("utf-8")
        self.send_page(text.encode("euc-kr"), content_type="text/html; charset=euc-kr")

    def route_live_losses_html(self):
        self.send_page(self.page(f"changing-v{self.server.fixture.version}.html"))

    def route_analysis_html(self):
        self.send_page(self.page("no-date.html"))

    def route_statement_txt(self):
        self.send_page(self.page("statement.txt"), content_type="text/plain; charset=utf-8")

    def route_statement_pdf(self):
        self.send_page(STATEMENT_PDF, content_type="application/pdf")

    def route_scan_pdf(self):  # a PDF without a text layer, as a scan is
        self.send_page(pdf_bytes([]), content_type="application/pdf")

    def route_gzipped_html(self):
        self.send_page(gzip.compress(self.page("news-article.html")), headers=[("Content-Encoding", "gzip")])

    def route_bomb_html(self):  # 64 MB of spaces in a few dozen kB of gzip
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = compressor.compress(b"<html><body>") + compressor.compress(b" " * (64 * 1024 * 1024)) + compressor.flush()
        self.send_page(body, headers=[("Content-Encoding", "gzip")])

    def route_image_png(self):
        self.send_page(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")

    def route_gone_html(self):
        self.send_page(b"<h1>Gone</h1>", status=404)

    def route_down_html(self):
        self.send_page(b"<h1>Down for maintenance</h1>", status=503)

    def route_huge_html(self):  # no Content-Length: the limit must stop the read itself
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
        try:
            for _ in range(self.server.fixture.huge_chunks):
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route_huge_declared_html(self):  # says how big it is: refused before reading
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()
        try:
            self.wfile.write(b"<html>" + b" " * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route_slow_html(self):  # a trickle that never ends within the time limit
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b"1\r\n \r\n")
                self.wfile.flush()
                time.sleep(0.05)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    # -- redirects ----------------------------------------------------------------------------------
    def route_old_address(self):
        self.redirect("/news/seoul-2000.html", status=301)

    def route_short(self):
        self.redirect("/old-address", status=302)

    def route_loop(self):
        self.redirect("/loop", status=302)

    def route_to_ftp(self):
        self.redirect("ftp://files.example/article.txt", status=302)

    def route_to_private(self):
        self.redirect(self.server.fixture.private_target, status=302)

    def route_to_metadata(self):
        self.redirect("http://169.254.169.254/latest/meta-data/", status=302)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def handle_error(self, request, client_address):
        # A client that hangs up mid-response (the size and time limits do) is what the tests expect.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class FixtureServer:
    """The fixture site, on ``host`` and the first free port of PORTS."""

    def __init__(self, host: str = "127.0.0.1"):
        self.host = host
        self.hits: list[str] = []
        self.fail_next: dict[str, int] = {}
        self.version = 1
        self.huge_chunks = 400  # 400 x 63 kB: about 25 MB
        self.private_target = "http://127.0.0.2/secret"
        self.lock = threading.Lock()
        self._server = None
        self._thread = None

    def start(self) -> "FixtureServer":
        for port in itertools.chain(PORTS, [0]):
            try:
                self._server = _Server((self.host, port), FixtureHandler)
                break
            except OSError:
                continue
        self._server.fixture = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"fixture-{self.port}", daemon=True)
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class RecordingServer:
    """A server that only records connections: stands for a private service a redirect points at."""

    def __init__(self, host: str):
        self.connections = 0
        self._socket = socket.create_server((host, 0))
        self.host, self.port = host, self._socket.getsockname()[1]
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            connection.close()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._socket.close()
