"""Headless Chromium driven over the DevTools protocol on a pipe (no network, no extra library).

    with Browser() as b:
        page = b.open("file:///.../report.html")   # waits for the load event
        page.evaluate("document.images.length")
        png = page.screenshot()                      # bytes of a PNG of the whole page
        page.console                                 # console messages, exceptions, log entries

Chromium (Debian package `chromium`) runs with its own fresh profile directory and the switches
that keep it from reaching the network; as root it needs --no-sandbox.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time

SWITCHES = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--mute-audio",
            "--remote-debugging-pipe", "about:blank"]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(RuntimeError):
    pass


class Page:
    def __init__(self, browser, session):
        self._b = browser
        self.session = session
        self.console: list = []

    def call(self, method, **params):
        return self._b.call(method, session=self.session, **params)

    def evaluate(self, expression: str):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                      awaitPromise=True)
        if "exceptionDetails" in r:
            raise BrowserError(f"{expression!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, width: int = 1280) -> bytes:
        self.call("Emulation.setScrollbarsHidden", hidden=True)
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=800,
                  deviceScaleFactor=1, mobile=False)
        height = int(self.evaluate("Math.ceil(document.documentElement.scrollHeight)"))
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        r = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        return base64.b64decode(r["data"])


class Browser:
    def __init__(self, timeout: float = 60.0):
        exe = chromium()
        if exe is None:
            raise BrowserError("chromium is not installed (tools/setup-deps.sh installs it)")
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="vecinos-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4. Move the child's ends above
        # 4 first, so placing one cannot overwrite the other.
        import fcntl

        high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
        for fd in (to_chrome_r, from_chrome_w):
            os.close(fd)

        def child_fds():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [exe, f"--user-data-dir={self._profile}", *SWITCHES], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=child_fds,
            close_fds=False)  # Python's own descriptors are close-on-exec; 3 and 4 are not
        os.close(high_r)
        os.close(high_w)
        self._buf = b""
        self._id = 0
        self._pages: dict = {}

    # -- protocol --------------------------------------------------------------------------

    def _send(self, message: dict):
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from chromium in time")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise BrowserError("chromium closed the pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def _dispatch(self, msg: dict):
        page = self._pages.get(msg.get("sessionId"))
        if page is None:
            return
        m, p = msg.get("method"), msg.get("params", {})
        if m == "Runtime.consoleAPICalled":
            page.console.append(("console." + p.get("type", "?"),
                                 " ".join(str(a.get("value", a.get("description", "")))
                                          for a in p.get("args", []))))
        elif m == "Runtime.exceptionThrown":
            page.console.append(("exception", str(p.get("exceptionDetails"))))
        elif m == "Log.entryAdded":
            e = p.get("entry", {})
            page.console.append((f"log.{e.get('level')}", f"{e.get('text')} {e.get('url', '')}"))

    def call(self, method: str, session: str | None = None, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self._send(msg)
        deadline = time.monotonic() + self.timeout
        while True:
            r = self._receive(deadline)
            if r.get("id") == self._id:
                if "error" in r:
                    raise BrowserError(f"{method}: {r['error']}")
                return r.get("result", {})
            self._dispatch(r)

    def wait_for(self, method: str, session: str):
        deadline = time.monotonic() + self.timeout
        while True:
            r = self._receive(deadline)
            self._dispatch(r)
            if r.get("method") == method and r.get("sessionId") == session:
                return r.get("params", {})

    # -- pages -----------------------------------------------------------------------------

    def open(self, url: str) -> Page:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = Page(self, session)
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Log"):
            page.call(f"{domain}.enable")
        page.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired", session)
        return page

    def close(self):
        try:
            self.call("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
