"""One error hierarchy for the station; adapters translate native errors into these at the boundary.

Every error carries a Vietnamese message telling the officer what to do next (``message_vi``) and an
English one (``message_en``) for logs and the English UI. Messages never contain personal data.
"""

from __future__ import annotations


class StationError(Exception):
    """Base of every error the station reports to a user."""

    code = "station"
    message_vi = "Đã xảy ra lỗi. Vui lòng thử lại hoặc báo quản trị viên."
    message_en = "An error occurred. Please try again or contact the administrator."

    def __init__(
        self, detail: str = "", *, message_vi: str | None = None, message_en: str | None = None
    ) -> None:
        self.detail = detail
        if message_vi is not None:
            self.message_vi = message_vi
        if message_en is not None:
            self.message_en = message_en
        super().__init__(f"{self.message_en} {detail}".strip())

    def __reduce__(self) -> tuple[type[StationError], tuple[str], dict[str, str]]:
        # Errors cross process boundaries (analysis and scanning workers): keep detail and messages.
        state = {"message_vi": self.message_vi}
        if "message_en" in vars(self):
            state["message_en"] = self.message_en
        return (type(self), (self.detail,), state)

    def user_message(self, lang: str = "vi") -> str:
        """The message for the officer, in the UI language, with the technical detail appended."""
        base = self.message_vi if lang == "vi" else self.message_en
        return f"{base} ({self.detail})" if self.detail else base


# --- devices ---------------------------------------------------------------------------------
class DeviceError(StationError):
    code = "device"
    message_vi = "Máy quét báo lỗi. Kiểm tra máy quét rồi quét lại."
    message_en = "The scanner reported an error. Check the scanner and scan again."


class DeviceOffline(DeviceError):
    code = "device_offline"
    message_vi = "Không kết nối được máy quét. Kiểm tra cáp, nguồn điện rồi bấm Quét lại."
    message_en = "The scanner is not reachable. Check its cable and power, then scan again."


class DeviceBusy(DeviceError):
    code = "device_busy"
    message_vi = "Máy quét đang bận (có chương trình khác đang dùng). Đợi một lát rồi quét lại."
    message_en = "The scanner is busy (another program is using it). Wait a moment and try again."


class PaperJam(DeviceError):
    code = "paper_jam"
    message_vi = (
        "Kẹt giấy trong khay nạp. Mở nắp, gỡ tờ bị kẹt, đặt lại các tờ chưa quét rồi bấm Quét tiếp. "
        "Các trang đã quét được giữ nguyên."
    )
    message_en = (
        "Paper jam in the feeder. Open the cover, remove the sheet, reload the unscanned sheets and "
        "continue. Pages already scanned are kept."
    )


class FeederEmpty(DeviceError):
    code = "feeder_empty"
    message_vi = "Khay nạp giấy trống. Đặt giấy vào khay rồi bấm Quét."
    message_en = "The document feeder is empty. Load paper and press Scan."


class CoverOpen(DeviceError):
    code = "cover_open"
    message_vi = "Nắp máy quét đang mở. Đóng nắp rồi quét lại."
    message_en = "The scanner cover is open. Close it and scan again."


class DeviceUnsupported(DeviceError):
    code = "device_unsupported"
    message_vi = "Máy quét không hỗ trợ thiết lập này. Chọn nguồn giấy, độ phân giải hoặc chế độ màu khác."
    message_en = "The scanner does not support this setting. Choose another source, resolution or mode."


class DriverUnavailable(DeviceError):
    code = "driver_unavailable"
    message_vi = "Trình điều khiển máy quét chưa được cài trên máy này. Cài trình điều khiển rồi mở lại."
    message_en = "The scanner driver is not installed on this computer."


class ScanCancelled(DeviceError):
    code = "scan_cancelled"
    message_vi = "Đã dừng quét. Các trang đã quét được giữ nguyên."
    message_en = "Scanning stopped. Pages already scanned are kept."


# --- imaging ---------------------------------------------------------------------------------
class ImagingError(StationError):
    code = "imaging"
    message_vi = "Không xử lý được ảnh trang này. Quét lại trang."
    message_en = "This page image could not be processed. Rescan the page."


class UnreadableImage(ImagingError):
    code = "unreadable_image"
    message_vi = (
        "Tệp ảnh bị hỏng hoặc không đúng định dạng (JPEG, PNG, TIFF, PDF). Quét lại hoặc chọn tệp khác."
    )
    message_en = "The image file is corrupt or not a supported format (JPEG, PNG, TIFF, PDF)."


class EmptyFile(UnreadableImage):
    code = "empty_file"
    message_vi = "Tệp ảnh rỗng (0 byte). Quét lại hoặc chọn tệp khác."
    message_en = "The image file is empty (0 bytes)."


class ImageTooLarge(ImagingError):
    code = "image_too_large"
    message_vi = (
        "Ảnh quá lớn so với một trang giấy (quá khổ A3 ở 600 dpi). Kiểm tra độ phân giải của máy quét "
        "(nên dùng 200–300 dpi) rồi quét lại."
    )
    message_en = "The image is larger than any paper page (over A3 at 600 dpi). Scan at 200-300 dpi."


# --- storage ---------------------------------------------------------------------------------
class StoreError(StationError):
    code = "store"
    message_vi = "Không ghi được dữ liệu vào máy. Kiểm tra ổ đĩa rồi thử lại; dữ liệu đã lưu không bị mất."
    message_en = "Could not write to the local store. Check the disk; data already saved is kept."


class DiskFull(StoreError):
    code = "disk_full"
    message_vi = "Ổ đĩa đã đầy. Giải phóng dung lượng rồi quét tiếp; các trang đã lưu không bị mất."
    message_en = "The disk is full. Free some space and continue; saved pages are kept."


class NotFound(StoreError):
    code = "not_found"
    message_vi = "Không tìm thấy bản ghi."
    message_en = "Record not found."


class IntegrityError(StoreError):
    code = "integrity"
    message_vi = "Tệp lưu trữ không khớp mã băm (có thể bị hỏng). Quét lại trang này."
    message_en = "A stored file does not match its hash (it may be damaged). Rescan this page."


class ScanPurged(StoreError):
    code = "scan_purged"
    message_vi = (
        "Bản quét của tài liệu này đã được xóa khỏi trạm theo thời hạn lưu giữ, sau khi kho dữ liệu "
        "trung tâm xác nhận đã nhận. Xem bản điện tử trên kho trung tâm."
    )
    message_en = (
        "This document's scans were removed from the station by the retention period, after the "
        "central repository confirmed receipt. See the electronic copy in the central repository."
    )


# --- later stages (OCR, PDF, sync) -----------------------------------------------------------------
class OcrError(StationError):
    code = "ocr"
    message_vi = "Không nhận dạng được chữ trên trang. Trang vẫn được lưu; có thể nhập tay."
    message_en = "Text recognition failed for this page. The page is kept; enter data by hand."


class PdfError(StationError):
    code = "pdf"
    message_vi = "Không tạo được tệp PDF. Thử lại; nếu vẫn lỗi, báo quản trị viên."
    message_en = "The PDF could not be created."


class SignerLocked(PdfError):
    """The signing key is locked: the .p12 file needs its passphrase or the USB token its PIN, and the
    one given (if any) is wrong. The UI asks for it and tries again; other key problems stay PdfError."""

    code = "signer_locked"
    message_vi = (
        "Khóa ký số cần mật khẩu hoặc mật khẩu không đúng. Nhập đúng mật khẩu của tệp khóa ký số rồi ký lại."
    )
    message_en = "The signing key needs its passphrase, or the passphrase is wrong. Enter it and sign again."


class SyncError(StationError):
    code = "sync"
    message_vi = "Chưa gửi được lên kho dữ liệu. Hệ thống sẽ tự gửi lại khi có mạng."
    message_en = "Not yet sent to the central repository. It will retry when the network returns."


class SyncTransient(SyncError):
    """A failure worth retrying: connection lost, timeout, 5xx, 408, 429 (``retry_after`` in seconds)."""

    code = "sync_transient"

    def __init__(
        self, detail: str = "", *, message_vi: str | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(detail, message_vi=message_vi)
        self.retry_after = retry_after


class SyncAuthRequired(SyncError):
    code = "sync_auth_required"
    message_vi = (
        "Kho dữ liệu không chấp nhận mã truy cập của trạm. Hàng đợi tạm dừng; "
        "quản trị viên cần nhập lại mã truy cập trong phần Cài đặt."
    )
    message_en = "The central repository refused the station's token. The queue is paused until it is fixed."


class SyncRejected(SyncError):
    """The central repository refused the document for good (4xx); ``reason`` is its Vietnamese message."""

    code = "sync_rejected"
    message_vi = "Kho dữ liệu từ chối hồ sơ. Xem lý do, sửa hồ sơ rồi gửi lại."
    message_en = "The central repository rejected the document. See the reason, fix it and send again."


class SyncReceiptMismatch(SyncError):
    code = "sync_receipt_mismatch"
    message_vi = "Biên nhận của kho dữ liệu không khớp với tệp đã gửi. Hệ thống sẽ gửi lại."
    message_en = "The repository's receipt does not match the file sent; it will be sent again."
