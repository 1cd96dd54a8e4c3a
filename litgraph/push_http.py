"""HTTP for `litgraph push`: Graph Store and SPARQL Update requests, with Basic or Digest credentials.

Every failure becomes one UpstreamError naming the URL and the cause (exit 3).
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request

from .errors import UpstreamError
from .remote import server_message

TIMEOUT_S = 600.0


class Http:
    """Graph Store and Update requests, with Basic or Digest credentials as the server asks."""

    def __init__(self, user: str | None, password: str | None, timeout_s: float = TIMEOUT_S) -> None:
        self._user, self._password = user, password
        self._opener = urllib.request.build_opener()
        self._timeout_s = timeout_s
        self._scheme: str | None = None
        self._passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()

    def send(self, method: str, url: str, body: bytes,
             content_type: str = "application/n-triples") -> None:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": content_type})
        self._open(request, "the upload")

    def update(self, url: str, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        self.send("POST", url, body, "application/x-www-form-urlencoded")

    def update_quietly(self, url: str, text: str) -> None:
        try:
            self.update(url, text)
        except UpstreamError:
            pass  # best effort: the error that got us here is the one to report

    def check_access(self, url: str) -> None:
        """A small GET first: wrong credentials fail before a large body is sent, and the server's
        challenge is learnt, so that large requests carry their credentials from the first byte
        (Virtuoso answers 401 and closes the connection while an unauthenticated body is still
        being sent). Any answer but 401 or 403 is fine here."""
        try:
            self._open(urllib.request.Request(url, method="GET"), "the access check")
        except UpstreamError as exc:
            if "(HTTP 401)" in str(exc) or "(HTTP 403)" in str(exc) or "unreachable" in str(exc):
                raise

    def _open(self, request: urllib.request.Request, what: str) -> None:
        url = request.full_url.split("?")[0]
        if self._user:
            parts = urllib.parse.urlsplit(url)
            self._passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", self._user,
                                         self._password or "")
        self._authorize(request)
        try:
            try:
                self._send(request)
            except urllib.error.HTTPError as exc:
                if exc.code != 401 or not self._user or self._scheme:
                    raise
                self._use_credentials(exc.headers.get("WWW-Authenticate", ""))
                self._send(request)
        except urllib.error.HTTPError as exc:
            raise UpstreamError(self._http_message(exc, url, what)) from exc
        except ValueError as exc:  # urllib's auth handlers give up this way on a scheme they cannot answer
            raise UpstreamError(f"{url}: the credentials were rejected (HTTP 401): {exc}") from exc
        except urllib.error.URLError as exc:
            raise UpstreamError(f"{url} is unreachable: {exc.reason}") from exc
        except (TimeoutError, OSError) as exc:
            raise UpstreamError(f"{url}: {what} failed: {exc}") from exc

    def _send(self, request: urllib.request.Request) -> None:
        with self._opener.open(request, timeout=self._timeout_s) as response:
            response.read()

    def _use_credentials(self, challenge: str) -> None:
        """Answer the server's challenge: Digest (Virtuoso) or Basic (Fuseki, GraphDB, most proxies)."""
        scheme, _, params = challenge.partition(" ")
        self._scheme = "digest" if scheme.lower() == "digest" else "basic"
        if self._scheme == "digest":
            self._digest = urllib.request.HTTPDigestAuthHandler(self._passwords)
            self._challenge = urllib.request.parse_keqv_list(
                [p for p in urllib.request.parse_http_list(params) if "=" in p])
            self._opener = urllib.request.build_opener(self._digest)
        else:
            self._opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(self._passwords))

    def _authorize(self, request: urllib.request.Request) -> None:
        """Send the credentials up front once the scheme is known (urllib waits for a 401 otherwise)."""
        if self._scheme == "digest":
            answer = self._digest.get_authorization(request, self._challenge)
            if answer:
                request.add_unredirected_header("Authorization", f"Digest {answer}")
        elif self._scheme == "basic":
            token = base64.b64encode(f"{self._user}:{self._password or ''}".encode()).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")

    def _http_message(self, exc: urllib.error.HTTPError, url: str, what: str) -> str:
        detail = server_message(exc.read() or b"")
        login = "" if self._user else "; pass --user and --password"
        if exc.code == 401:
            return f"{url}: the credentials were {'rejected' if self._user else 'missing'} (HTTP 401){login}"
        if exc.code == 403:
            return f"{url}: writing is not allowed (HTTP 403): {detail}{login}"
        if exc.code == 404:
            return f"{url}: not found (HTTP 404); pass the store's Graph Store URL with --store-url"
        return f"{url}: the store rejected {what} (HTTP {exc.code}): {detail}"
