"""A throw-away certificate authority for TLS tests, made with the openssl command line."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


@dataclass(frozen=True)
class LocalCA:
    """A CA certificate and one server certificate it signed for a host name."""

    ca_cert: Path
    server_cert: Path
    server_key: Path

    def client_context(self) -> ssl.SSLContext:
        """Return a client context that trusts only this CA and checks host names."""
        return ssl.create_default_context(cafile=str(self.ca_cert))

    def server_context(self) -> ssl.SSLContext:
        """Return a server context presenting the server certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.server_cert), str(self.server_key))
        return context


def openssl_available() -> bool:
    """Tell whether the openssl command is installed."""
    return shutil.which("openssl") is not None


def make_ca(folder: Path, host: str) -> LocalCA:
    """Create a CA and a server certificate for `host` in `folder`."""
    ca_key, ca_cert = folder / "ca.key", folder / "ca.pem"
    key, csr, cert = folder / "server.key", folder / "server.csr", folder / "server.pem"
    ext = folder / "server.ext"
    _run(
        "req",
        "-x509",
        *KEY,
        "-keyout",
        ca_key,
        "-out",
        ca_cert,
        "-days",
        "1",
        "-subj",
        "/CN=briefbot test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    )
    _run("req", *KEY, "-keyout", key, "-out", csr, "-subj", f"/CN={host}")
    ext.write_text(
        f"subjectAltName=DNS:{host}\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n",
        encoding="ascii",
    )
    _run(
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        ca_cert,
        "-CAkey",
        ca_key,
        "-CAcreateserial",
        "-out",
        cert,
        "-days",
        "1",
        "-extfile",
        ext,
    )
    return LocalCA(ca_cert=ca_cert, server_cert=cert, server_key=key)


def _run(*args: object) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)
