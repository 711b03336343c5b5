"""The recorder behind the `empty_network` fixture (tests/translate/conftest.py)."""

from __future__ import annotations

import ipaddress
from typing import Any

ALLOWED = {ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")}


class EmptyNetwork:
    """Refuses and records every connection attempt to an address other than 127.0.0.1 or ::1."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def check(self, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) and address else address
        try:
            if ipaddress.ip_address(str(host).split("%")[0]) in ALLOWED:
                return
        except ValueError:
            pass
        self.attempts.append(repr(address))
        raise OSError(f"empty network: connection to {address!r} refused by the test")
