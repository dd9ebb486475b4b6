"""One limit for every uploaded file (`CHINJEOL_UPLOAD_MAX_BYTES`): files beyond it are refused with a Korean
message naming the limit, and their bytes are not even kept while the request is read.

A view that takes larger files (training videos) says so with `@larger_uploads("SETTING_NAME")`: its requests
are held to that setting instead, and its form field names the same setting (`LimitedFileField(limit_setting=)`).
Every other address keeps the single limit."""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import Resolver404, resolve


def upload_limit() -> int:
    return settings.CHINJEOL_UPLOAD_MAX_BYTES


def larger_uploads(setting: str):
    """View decorator: uploads to this view may be as large as `settings.<setting>` (read at each request)."""

    def decorator(view):
        view.upload_limit_setting = setting
        return view

    return decorator


def request_upload_limit(request) -> int:
    """The limit for the files of `request`: its view's own larger limit, else the single one."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return upload_limit()
    setting = getattr(match.func, "upload_limit_setting", None)
    return int(getattr(settings, setting)) if setting else upload_limit()


def size_label(size: int) -> str:
    """10485760 → '10MB', 1536 → '1.5KB', 900 → '900바이트'."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{value:,.0f}{unit}" if value == int(value) else f"{value:,.1f}{unit}"
    return f"{size:,}바이트"


def too_large_message(size: int | None = None, limit: int | None = None) -> str:
    limit = upload_limit() if limit is None else limit
    given = f" (올린 파일 {size_label(size)})" if size else ""
    return f"파일이 너무 큽니다{given}. {size_label(limit)} 이하의 파일만 올릴 수 있습니다."


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: passes a file's chunks on while it is within the limit; beyond it the
    rest is dropped and the file arrives empty but with its real size, so the form refuses it by name."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.seen = 0
        self.limit = request_upload_limit(self.request) if self.request is not None else upload_limit()

    def receive_data_chunk(self, raw_data, start):
        self.seen += len(raw_data)
        return raw_data if self.seen <= self.limit else None

    def file_complete(self, file_size):
        if self.seen <= self.limit:
            return None
        return InMemoryUploadedFile(
            io.BytesIO(b""), self.field_name, self.file_name, self.content_type, self.seen, self.charset
        )


class LimitedFileField(forms.FileField):
    """A FileField that refuses files larger than the upload limit (or `max_bytes`, if smaller). With
    `limit_setting` (the same setting as its view's `@larger_uploads`) that setting replaces the single limit."""

    def __init__(self, *args, max_bytes: int | None = None, limit_setting: str | None = None, **kwargs):
        self.max_bytes = max_bytes
        self.limit_setting = limit_setting
        super().__init__(*args, **kwargs)

    def limit(self) -> int:
        base = int(getattr(settings, self.limit_setting)) if self.limit_setting else upload_limit()
        return min(base, self.max_bytes or base)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        size = getattr(value, "size", None)
        if size is not None and size > self.limit():
            raise forms.ValidationError(too_large_message(size, self.limit()), code="too_large")
        return value
