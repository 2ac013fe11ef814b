"""Uploaded parts -> report files in the request's own temporary folder, or a clear refusal.

Every boundary is hostile: a part's name is reduced to a plain file name; a .zip is inspected
before anything is inflated, with the readers' own limits (reportlint.readers.Limits: a file's
size, the unpacked total, the compression ratio of a zip bomb); member names that climb out of
the folder (`../x`, `/etc/x`, `C:\\x`), links, encrypted and nested archives are refused by name;
and each member is inflated in chunks never past its declared size (a bomb that lies about its
size is stopped one chunk too late, not after filling the disk).
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterable

from ..readers import KNOWN_UNSUPPORTED, SUPPORTED_SUFFIXES, Limits
from .messages import ServeError

ZIP_SUFFIX = ".zip"
ACCEPTED = ".txt .md .docx .html .pdf .zip"
_CHUNK = 1 << 20
_BOMB_FLOOR = 10_000_000  # as for .docx parts: a small member may compress very well honestly
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


@dataclass(frozen=True)
class UploadLimits:
    """Bounds of one request; the per-file and zip bounds are the readers'."""

    max_request_bytes: int = 256 * 1024 * 1024
    max_files: int = 1000
    reader: Limits = field(default_factory=Limits)


@dataclass(frozen=True)
class Staged:
    """One report file of the upload: the name the user knows it by, and where it lies now."""

    name: str
    path: Path


def stage(parts: Iterable[tuple[str, BinaryIO]], folder: Path, limits: UploadLimits) -> list[Staged]:
    """Write each part (or each report in an uploaded zip) into `folder`; raise ServeError on a
    refusal. Names are kept as the user gave them (a zip's folders included) for display."""
    staged: list[Staged] = []
    for raw_name, stream in parts:
        name = plain_name(raw_name)
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ZIP_SUFFIX:
            staged.extend(_unzip(name, stream, folder / f"{len(staged):05d}-zip", limits, len(staged)))
        else:
            if suffix not in SUPPORTED_SUFFIXES:
                raise _wrong_type(name, suffix)
            target = _slot(folder, len(staged), name)
            size = _copy(stream, target, limits.reader.max_bytes, name)
            if size == 0:
                target.unlink()
                continue
            staged.append(Staged(name, target))
        if len(staged) > limits.max_files:
            raise _too_many(limits.max_files)
    if not staged:
        raise ServeError(400, "empty-upload", "没有收到文件（或文件为空）：请上传 " + ACCEPTED + " 文件，或这些文件的 .zip 压缩包",
                         "no file received (or only empty ones): upload " + ACCEPTED + " files, or a .zip of them")
    return staged


def plain_name(raw: str | None) -> str:
    """The last part of a browser's file name, without control or path characters."""
    base = re.split(r"[/\\]", raw or "")[-1].strip()
    base = _UNSAFE_NAME.sub("_", base)[-150:]
    return base if base.strip(".") else "upload"


def _slot(folder: Path, index: int, name: str) -> Path:
    """Each file in its own numbered folder, so two files of the same name do not collide."""
    place = folder / f"{index:05d}"
    place.mkdir(parents=True)
    return place / plain_name(name)


def _copy(stream: BinaryIO, target: Path, limit: int, name: str) -> int:
    size = 0
    with open(target, "xb") as out:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise _too_large(name, limit)
            out.write(chunk)
    return size


def _wrong_type(name: str, suffix: str) -> ServeError:
    if suffix in KNOWN_UNSUPPORTED:
        return ServeError(415, "wrong-type", "「{name}」是 {suffix} 文件：请另存为 .docx 后再上传",
                          "'{name}' is a {suffix} file: save it as .docx and upload that", name=name, suffix=suffix)
    return ServeError(415, "wrong-type", "不支持的文件类型「{name}」：请上传 " + ACCEPTED + " 文件",
                      "unsupported file type '{name}': upload " + ACCEPTED + " files", name=name)


def _too_large(name: str, limit: int) -> ServeError:
    return ServeError(413, "too-large", "「{name}」超过单个文件的上限 {limit} 字节", "'{name}' is over the per-file limit of {limit} bytes",
                      name=name, limit=limit)


def _too_many(limit: int) -> ServeError:
    return ServeError(413, "too-many-files", "一次最多上传 {limit} 个文件", "at most {limit} files per upload", limit=limit)


def _bad_zip(name: str, zh: str, en: str, status: int = 400, code: str = "bad-zip", **args: object) -> ServeError:
    return ServeError(status, code, f"压缩包「{{zip}}」：{zh}", f"archive '{{zip}}': {en}", zip=name, **args)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author typed it: Chinese Windows zips store GBK without saying so."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def safe_member_path(name: str) -> PurePosixPath | None:
    """The member's path inside the archive, or None when it would leave the folder."""
    unified = name.replace("\\", "/")
    if unified.startswith("/") or re.match(r"^[A-Za-z]:", unified) or "\x00" in unified:
        return None
    parts = [part for part in unified.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return PurePosixPath(*parts)


def _is_report(path: PurePosixPath) -> bool:
    """As for a folder on the command line: supported (or known unsupported) files, hidden parts,
    README files and macOS resource forks skipped."""
    return (path.suffix.lower() in SUPPORTED_SUFFIXES | KNOWN_UNSUPPORTED and path.stem.lower() != "readme"
            and not any(part.startswith(".") or part == "__MACOSX" for part in path.parts))


def _unzip(name: str, stream: BinaryIO, folder: Path, limits: UploadLimits, already: int) -> list[Staged]:
    reader = limits.reader
    try:
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _bad_zip(name, "不是有效的 zip 文件（已损坏或不是压缩包）", "not a valid zip file (corrupt, or not an archive)") from None
    chosen: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
    total = 0
    for info in infos:
        shown = member_name(info)
        path = safe_member_path(shown)
        if path is None:
            raise _bad_zip(name, "成员「{member}」的路径指向压缩包以外（路径穿越），已拒绝整个压缩包",
                           "member '{member}' points outside the archive (path traversal); the archive is refused",
                           code="zip-traversal", member=shown)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _bad_zip(name, "成员「{member}」是符号链接，已拒绝整个压缩包", "member '{member}' is a symbolic link; the archive is refused",
                           code="zip-link", member=shown)
        if info.is_dir() or not _is_report(path):
            continue
        if info.flag_bits & 0x1:
            raise _bad_zip(name, "成员「{member}」已加密：请上传未加密的压缩包", "member '{member}' is encrypted: upload an unencrypted archive",
                           member=shown)
        if info.compress_size and info.file_size > _BOMB_FLOOR and info.file_size / info.compress_size > reader.max_compression_ratio:
            raise _bad_zip(name, "成员「{member}」解压后膨胀 {ratio} 倍（疑似压缩炸弹），已拒绝",
                           "member '{member}' inflates {ratio}x (a zip bomb?); refused",
                           status=413, code="zip-bomb", member=shown, ratio=info.file_size // max(info.compress_size, 1))
        if info.file_size > reader.max_bytes:
            raise _bad_zip(name, "成员「{member}」解压后 {size} 字节，超过单个文件的上限 {limit} 字节",
                           "member '{member}' unpacks to {size} bytes, over the per-file limit of {limit}",
                           status=413, code="too-large", member=shown, size=info.file_size, limit=reader.max_bytes)
        total += info.file_size
        chosen.append((info, path))
    if total > reader.max_unpacked_bytes:
        raise _bad_zip(name, "解压后共 {total} 字节，超过上限 {limit} 字节（疑似压缩炸弹），已拒绝",
                       "unpacks to {total} bytes, over the limit of {limit} (a zip bomb?); refused",
                       status=413, code="zip-bomb", total=total, limit=reader.max_unpacked_bytes)
    if already + len(chosen) > limits.max_files:
        raise _too_many(limits.max_files)
    staged = []
    for index, (info, path) in enumerate(chosen):
        target = _slot(folder, index, path.name)
        _inflate(archive, info, target, name, str(path))
        staged.append(Staged(f"{name}/{path}", target))
    if not chosen:
        raise _bad_zip(name, "压缩包中没有 " + ACCEPTED.replace(" .zip", "") + " 文件", "the archive holds no " + ACCEPTED.replace(" .zip", "") + " file",
                       code="empty-upload")
    return staged


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, zip_name: str, member: str) -> None:
    written = 0
    lying = _bad_zip(zip_name, "成员「{member}」实际大小超过其声明的大小（疑似压缩炸弹），已拒绝",
                     "member '{member}' inflates past its declared size (a zip bomb?); refused",
                     status=413, code="zip-bomb", member=member)
    try:
        with archive.open(info) as source, open(target, "xb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    raise lying
                out.write(chunk)
    except zipfile.BadZipFile as problem:
        # zipfile itself never inflates past the declared size; a member that would is caught there
        # by its checksum, like a damaged one
        if "CRC" in str(problem):
            raise _bad_zip(zip_name, "成员「{member}」校验失败：已损坏，或实际内容与声明的大小不符（疑似压缩炸弹），已拒绝",
                           "member '{member}' fails its checksum: damaged, or larger than it declares (a zip bomb?); refused",
                           member=member) from None
        raise _bad_zip(zip_name, "成员「{member}」无法解压（{problem}）", "member '{member}' cannot be unpacked ({problem})",
                       member=member, problem=type(problem).__name__) from None
    except (OSError, EOFError, ValueError, NotImplementedError) as problem:
        raise _bad_zip(zip_name, "成员「{member}」无法解压（{problem}）", "member '{member}' cannot be unpacked ({problem})",
                       member=member, problem=type(problem).__name__) from None


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
