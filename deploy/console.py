#!/usr/bin/env python3
"""The console in a real browser, against any running Badgeworks: the same pages on every server.

    deploy/console.py BASE_URL ADMIN_PASSWORD

Drives Debian's Chromium (headless) through chromedriver's W3C WebDriver protocol over plain HTTP (no client
library to install): signs in as admin, opens the overview, the badges, a badge's page with its editor, the
imports, customers, webhooks and users pages, and fails (exit 1) when a page does not render, when the browser
logged an error (a script that did not load, a Content-Security-Policy violation) or when an element carries an
inline style. Run after deploy/smoke.py, which leaves badges and imports to show.
"""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/") + "/console/"
PASSWORD = sys.argv[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self):
        port = free_port()
        self.driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        self.root = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if self.call("GET", "/status")["value"]["ready"]:
                    break
            except OSError:
                time.sleep(0.1)
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"binary": CHROMIUM, "args": ["--headless=new", "--no-sandbox",
                                                                 "--disable-dev-shm-usage", "--window-size=1280,900"]}}}})
        self.session = "/session/" + session["value"]["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.root + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            return json.loads(error.read())

    def do(self, method, path, body=None):
        answer = self.call(method, self.session + path, body)
        value = answer.get("value")
        if isinstance(value, dict) and "error" in value:
            raise LookupError(value["error"] + ": " + value.get("message", "")[:200])
        return value

    def go(self, url):
        self.do("POST", "/url", {"url": url})

    def find(self, css, seconds=30):
        deadline = time.time() + seconds
        while True:
            try:
                found = self.do("POST", "/element", {"using": "css selector", "value": css})
                return next(iter(found.values()))
            except LookupError:
                if time.time() > deadline:
                    raise SystemExit(f"console: no '{css}' on {self.script('return location.href')} after "
                                     f"{seconds} s; the page says: {self.script('return document.body.innerText')[:300]!r}")
                time.sleep(0.2)

    def type(self, css, text):
        self.do("POST", f"/element/{self.find(css)}/value", {"text": text})

    def click(self, css):
        self.do("POST", f"/element/{self.find(css)}/click", {})

    def script(self, source):
        return self.do("POST", "/execute/sync", {"script": source, "args": []})

    def errors(self):
        logs = self.do("POST", "/se/log", {"type": "browser"}) or []
        return [entry["message"] for entry in logs if entry.get("level") == "SEVERE"]

    def quit(self):
        try:
            self.do("DELETE", "")
        finally:
            self.driver.terminate()


def main():
    browser = Browser()
    try:
        browser.go(BASE)
        browser.type("input[name=username]", "admin")
        browser.type("input[name=password]", PASSWORD)
        browser.click("form button[type=submit]")
        browser.find("#earns-chart")  # signed in: the console opens on the overview
        pages = [("overview", "#earns-chart rect.bar-earned"), ("badges", "#badge-list table"),
                 ("imports", "#import-list table"), ("customers", "main h1"),
                 ("webhooks", "#webhook-list table"), ("users", "#user-list table")]
        for page, ready in pages:
            browser.go(BASE + "#/" + page)
            browser.find(ready)
            print("console", page, "shown")
            if page == "badges":
                link = browser.script("return document.querySelector('#badge-list a.badge-name').href")
                browser.go(link)
                browser.find("#edit-badge #customer-limits")
                browser.find("#badge-chart")
                print("console", "a badge's page and editor", "shown")
        styled = browser.script("return document.querySelectorAll('[style]').length")
        errors = browser.errors()
        if styled or errors:
            raise SystemExit(f"console: {styled} inline styles; the browser logged: {errors}")
        print("console check passed: every page shown, no error logged, no inline style")
    finally:
        browser.quit()


if __name__ == "__main__":
    main()
