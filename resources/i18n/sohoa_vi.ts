<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountFields</name>
    <message>
        <location filename="../../app/ui/account_fields.py" line="31" />
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="33" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="36" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="39" />
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="42" />
        <source>&amp;Login:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="43" />
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="44" />
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="45" />
        <source>Password a&amp;gain:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_fields.py" line="61" />
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Hai mật khẩu không khớp. Gõ cùng một mật khẩu hai lần.</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="46" />
        <location filename="../../app/ui/accounts_view.py" line="58" />
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="51" />
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="52" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="53" />
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="54" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="55" />
        <source>Signing key</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="67" />
        <source>&amp;Add account...</source>
        <translation>&amp;Thêm tài khoản...</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="67" />
        <source>Add an account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="68" />
        <location filename="../../app/ui/accounts_view.py" line="151" />
        <source>&amp;Lock</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="68" />
        <source>Lock or unlock the account</source>
        <translation>Khóa hoặc mở khóa tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="70" />
        <source>Assign signing &amp;key...</source>
        <translation>Gán khóa &amp;ký số...</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="70" />
        <source>Assign a signing key</source>
        <translation>Gán khóa ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="131" />
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="131" />
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="135" />
        <source>None</source>
        <translation>Chưa có</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="138" />
        <source>USB token: %1</source>
        <translation>USB ký số: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="139" />
        <source>Key file: %1</source>
        <translation>Tệp khóa: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="151" />
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="165" />
        <source>Account %1 created.</source>
        <translation>Đã tạo tài khoản %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="176" />
        <source>Account %1 unlocked.</source>
        <translation>Đã mở khóa tài khoản %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="176" />
        <source>Account %1 locked.</source>
        <translation>Đã khóa tài khoản %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_view.py" line="192" />
        <source>Signing key of %1 saved.</source>
        <translation>Đã lưu khóa ký số của %1.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="87" />
        <source>First administrator</source>
        <translation>Quản trị viên đầu tiên</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="88" />
        <source>This account manages the other accounts and the settings.</source>
        <translation>Tài khoản này quản lý các tài khoản khác và cài đặt của trạm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="98" />
        <source>Enter the administrator's full name.</source>
        <translation>Nhập họ và tên của quản trị viên.</translation>
    </message>
</context>
<context>
    <name>AgencyPicker</name>
    <message>
        <location filename="../../app/ui/agency_picker.py" line="51" />
        <source>Type to search, e.g. bat trang</source>
        <translation>Gõ để tìm, ví dụ: bat trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/agency_picker.py" line="52" />
        <source>Search the agency catalogue</source>
        <translation>Tìm trong danh mục cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/agency_picker.py" line="53" />
        <source>Agency</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/agency_picker.py" line="54" />
        <source>Also show units dissolved in 2025</source>
        <translation>Hiện cả đơn vị đã giải thể năm 2025</translation>
    </message>
    <message>
        <location filename="../../app/ui/agency_picker.py" line="87" />
        <source>%1 (before 2025)</source>
        <translation>%1 (trước 2025)</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../app/ui/audit_view.py" line="49" />
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="50" />
        <source>Person</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="51" />
        <source>Action</source>
        <translation>Hành động</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="52" />
        <source>Object</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="53" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../app/ui/audit_format.py" line="30" />
        <source>Description entered</source>
        <translation>Nhập thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="31" />
        <source>Submitted for approval</source>
        <translation>Trình duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="32" />
        <source>Approved</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="33" />
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="34" />
        <source>Logged in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="35" />
        <source>Failed login</source>
        <translation>Đăng nhập sai</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="36" />
        <source>Account created</source>
        <translation>Tạo tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="37" />
        <source>Account enabled</source>
        <translation>Mở khóa tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="38" />
        <source>Account disabled</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="39" />
        <source>Signing key assigned</source>
        <translation>Gán khóa ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="40" />
        <source>Settings saved</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="41" />
        <source>Pages reordered</source>
        <translation>Sắp xếp lại trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="42" />
        <source>Pages moved</source>
        <translation>Chuyển trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="43" />
        <source>Document split</source>
        <translation>Tách tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="44" />
        <source>Documents merged</source>
        <translation>Gộp tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="45" />
        <source>Page moved to trash</source>
        <translation>Xóa trang vào thùng rác</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="46" />
        <source>Page restored</source>
        <translation>Khôi phục trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="47" />
        <source>Page rescanned</source>
        <translation>Quét lại trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="48" />
        <source>Paper outline corrected</source>
        <translation>Sửa khung giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="49" />
        <source>Page rotated</source>
        <translation>Xoay trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="50" />
        <source>Page analysed again</source>
        <translation>Phân tích lại trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="51" />
        <source>Inventory count set</source>
        <translation>Đặt số lượng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="52" />
        <source>Inventory row removed</source>
        <translation>Xóa dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="53" />
        <source>Records exported</source>
        <translation>Xuất dữ liệu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="54" />
        <source>Scans removed after the retention period</source>
        <translation>Xóa bản quét hết thời hạn giữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="57" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="58" />
        <source>Batch %1</source>
        <translation>Lô %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="59" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="60" />
        <source>Account %1</source>
        <translation>Tài khoản %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="61" />
        <source>Station settings</source>
        <translation>Cài đặt trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="62" />
        <source>Inventory %1</source>
        <translation>Kiểm kê %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="63" />
        <source>All records</source>
        <translation>Tất cả hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="64" />
        <source>Scans on the station</source>
        <translation>Bản quét trên trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="67" />
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="68" />
        <source>pages</source>
        <translation>các trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="69" />
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="70" />
        <source>old</source>
        <translation>cũ</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="71" />
        <source>merged in</source>
        <translation>gộp từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="72" />
        <source>roles</source>
        <translation>vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="73" />
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="74" />
        <source>agency</source>
        <translation>cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="75" />
        <source>source</source>
        <translation>nguồn</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="76" />
        <source>rows</source>
        <translation>số dòng</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="77" />
        <source>days</source>
        <translation>số ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="78" />
        <source>documents</source>
        <translation>tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="79" />
        <source>files</source>
        <translation>tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="80" />
        <source>bytes</source>
        <translation>byte</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_format.py" line="121" />
        <location filename="../../app/ui/audit_format.py" line="129" />
        <location filename="../../app/ui/audit_format.py" line="135" />
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="95" />
        <source>Only supervisors and administrators can view the audit log.</source>
        <translation>Chỉ lãnh đạo và quản trị viên mới được xem nhật ký hoạt động.</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="110" />
        <source>Audit log</source>
        <translation>Nhật ký hoạt động</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="112" />
        <source>Checking the log…</source>
        <translation>Đang kiểm tra nhật ký…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="114" />
        <source>Audit log check</source>
        <translation>Kết quả kiểm tra nhật ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="115" />
        <source>Export CSV… (Ctrl+E)</source>
        <translation>Xuất CSV… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="116" />
        <source>Export the audit log as CSV</source>
        <translation>Xuất nhật ký ra tệp CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="126" />
        <source>Audit log entries</source>
        <translation>Các mục nhật ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="145" />
        <source>Filter by person</source>
        <translation>Lọc theo người thực hiện</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="147" />
        <source>Filter by action</source>
        <translation>Lọc theo hành động</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="149" />
        <source>From date</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="151" />
        <source>To date</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="154" />
        <source>&amp;Person:</source>
        <translation>&amp;Người:</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="155" />
        <source>A&amp;ction:</source>
        <translation>&amp;Hành động:</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="156" />
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="157" />
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="200" />
        <source>The audit log has been altered:</source>
        <translation>Nhật ký đã bị sửa đổi:</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="202" />
        <source>Audit log intact (%1 entries)</source>
        <translation>Nhật ký toàn vẹn (%1 mục)</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="210" />
        <source>Everyone</source>
        <translation>Tất cả mọi người</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="211" />
        <source>All actions</source>
        <translation>Tất cả hành động</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="246" />
        <source>Showing %1 of %2 entries</source>
        <translation>Đang hiện %1/%2 mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="253" />
        <source>Export the audit log</source>
        <translation>Xuất nhật ký hoạt động</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="255" />
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_view.py" line="277" />
        <source>Saved the audit log to %1</source>
        <translation>Đã lưu nhật ký vào %1</translation>
    </message>
</context>
<context>
    <name>BatchesView</name>
    <message>
        <location filename="../../app/ui/batches_view.py" line="75" />
        <location filename="../../app/ui/batches_view.py" line="114" />
        <source>Batches</source>
        <translation>Lô giấy tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="79" />
        <source>Search names, numbers, agencies… (accents optional)</source>
        <translation>Tìm theo họ tên, số, cơ quan… (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="80" />
        <source>Search documents</source>
        <translation>Tìm giấy tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="132" />
        <source>Signing progress</source>
        <translation>Tiến độ ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="135" />
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="136" />
        <source>Refresh the list of batches</source>
        <translation>Làm mới danh sách lô</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="139" />
        <source>Submit batch for approval (Ctrl+Shift+S)</source>
        <translation>Trình duyệt lô (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="140" />
        <source>Sign and submit every described document of the batch</source>
        <translation>Ký số và trình duyệt mọi tài liệu đã nhập thông tin của lô</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="241" />
        <source>Opening the signing key…</source>
        <translation>Đang mở khóa ký số…</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="255" />
        <source>Signing…</source>
        <translation>Đang ký số…</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_view.py" line="270" />
        <source>Signing and submitting: %1 of %2 documents</source>
        <translation>Đang ký số và trình duyệt: %1/%2 tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="30" />
        <source>Batch</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="31" />
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="32" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="33" />
        <source>Not described</source>
        <translation>Chưa nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="34" />
        <source>Described</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="35" />
        <location filename="../../app/ui/batches_parts.py" line="62" />
        <source>Awaiting review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="36" />
        <location filename="../../app/ui/batches_parts.py" line="59" />
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="37" />
        <location filename="../../app/ui/batches_parts.py" line="60" />
        <source>Returned</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="38" />
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="44" />
        <source>not described</source>
        <translation>chưa nhập thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="45" />
        <source>described</source>
        <translation>đã nhập thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="46" />
        <source>awaiting review</source>
        <translation>đang chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="47" />
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="48" />
        <source>returned</source>
        <translation>bị trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="55" />
        <source>Scanning</source>
        <translation>Đang quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="56" />
        <source>Scanned, not processed</source>
        <translation>Đã quét, chưa xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="57" />
        <source>Processed</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="58" />
        <source>Submitted</source>
        <translation>Đã trình duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="61" />
        <source>All approved</source>
        <translation>Đã duyệt hết</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="63" />
        <source>Has returned documents</source>
        <translation>Có tài liệu bị trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="64" />
        <source>Being described</source>
        <translation>Đang nhập thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="101" />
        <source>document %1</source>
        <translation>tài liệu %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="111" />
        <source>Signed and submitted %1 documents.</source>
        <translation>Đã ký số và trình duyệt %1 tài liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="116" />
        <source>No document was submitted.</source>
        <translation>Chưa trình duyệt tài liệu nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="118" />
        <source>Not described yet, so not submitted: %1. Describe them, then submit again.</source>
        <translation>Chưa nhập thông tin nên chưa trình: %1. Hãy nhập thông tin rồi trình duyệt lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="124" />
        <source>%1 was not submitted: %2</source>
        <translation>Chưa trình được %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="129" />
        <source>Stopped before the end.</source>
        <translation>Đã dừng giữa chừng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="148" />
        <source>Search results</source>
        <translation>Kết quả tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="161" />
        <source>%1 documents match “%2”</source>
        <translation>Tìm thấy %1 tài liệu khớp với “%2”</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="165" />
        <source>No document matches “%2”. Check the spelling or type fewer words.</source>
        <translation>Không có tài liệu nào khớp với “%2”. Kiểm tra chính tả hoặc gõ ít từ hơn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="171" />
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/batches_parts.py" line="172" />
        <source>%1 · document %2 · %3</source>
        <translation>%1 · tài liệu %2 · %3</translation>
    </message>
</context>
<context>
    <name>CaptureCommands</name>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="29" />
        <source>Page tools</source>
        <translation>Công cụ sửa trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="31" />
        <source>Rotate left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="32" />
        <source>Rotate right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="33" />
        <source>Fix paper outline</source>
        <translation>Sửa khung giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="34" />
        <source>Split here</source>
        <translation>Tách tại đây</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="35" />
        <source>Merge with next</source>
        <translation>Gộp với tài liệu sau</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="36" />
        <source>Put into document</source>
        <translation>Đưa vào tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="37" />
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="38" />
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="39" />
        <source>Rescan page</source>
        <translation>Quét lại trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="40" />
        <source>Print separators...</source>
        <translation>In tờ phân tách...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="66" />
        <source>Select a page first.</source>
        <translation>Hãy chọn một trang trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="98" />
        <source>No scanner found. Check the cable and the driver.</source>
        <translation>Không tìm thấy máy quét. Kiểm tra cáp và trình điều khiển.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="100" />
        <source>Rescanning the page: put the sheet in the scanner...</source>
        <translation>Đang quét lại trang: đặt tờ giấy vào máy quét...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="105" />
        <source>Select an analysed page first.</source>
        <translation>Hãy chọn một trang đã được xử lý xong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="125" />
        <source>New batch</source>
        <translation>Lô mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_commands.py" line="133" />
        <source>Separator sheets saved: %1</source>
        <translation>Đã lưu tờ phân tách: %1</translation>
    </message>
</context>
<context>
    <name>CaptureEdits</name>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="53" />
        <source>The page is already at that end of its document.</source>
        <translation>Trang đã ở đầu hoặc cuối tài liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="57" />
        <source>Pages reordered.</source>
        <translation>Đã đổi thứ tự trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="68" />
        <source>Drop the page onto a page of a document.</source>
        <translation>Hãy thả trang lên một trang của tài liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="83" />
        <source>Page moved.</source>
        <translation>Đã chuyển trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="91" />
        <source>Document split.</source>
        <translation>Đã tách tài liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="101" />
        <source>This is the last document: there is nothing after it to merge.</source>
        <translation>Đây là tài liệu cuối cùng: không có tài liệu sau để gộp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="105" />
        <source>Merged with the next document.</source>
        <translation>Đã gộp với tài liệu sau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="113" />
        <source>This page is already in a document.</source>
        <translation>Trang này đã thuộc một tài liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="119" />
        <source>There is no document to put the page in.</source>
        <translation>Chưa có tài liệu nào để đưa trang vào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="124" />
        <source>Page put into document %1.</source>
        <translation>Đã đưa trang vào tài liệu %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="131" />
        <source>Page moved to the trash.</source>
        <translation>Đã chuyển trang vào thùng rác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="137" />
        <source>Page restored.</source>
        <translation>Đã khôi phục trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="144" />
        <location filename="../../app/ui/capture_edits.py" line="158" />
        <source>The page has not been analysed yet.</source>
        <translation>Trang chưa được xử lý xong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="151" />
        <source>Page rotated.</source>
        <translation>Đã xoay trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="163" />
        <source>Paper outline saved.</source>
        <translation>Đã lưu khung giấy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="184" />
        <source>Page rescanned.</source>
        <translation>Đã quét lại trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="200" />
        <source>The selected page is in no document.</source>
        <translation>Trang đang chọn không thuộc tài liệu nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_edits.py" line="209" />
        <source>Log in to change pages.</source>
        <translation>Hãy đăng nhập để sửa trang.</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../app/ui/capture_view.py" line="151" />
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="73" />
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="73" />
        <source>Start scanning</source>
        <translation>Bắt đầu quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="76" />
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="76" />
        <source>Stop scanning</source>
        <translation>Dừng quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="249" />
        <source>Select a page to see it large.</source>
        <translation>Chọn một trang để xem ảnh lớn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="84" />
        <source>Scanned pages</source>
        <translation>Các trang đã quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="106" />
        <source>Choose a scanner and press Scan (F5).</source>
        <translation>Chọn máy quét rồi bấm Quét (F5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="124" />
        <source>No scanner found. Check the cable and the driver.</source>
        <translation>Không tìm thấy máy quét. Kiểm tra cáp và trình điều khiển.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="135" />
        <source>Scanning...</source>
        <translation>Đang quét...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="174" />
        <source>%1 pages scanned</source>
        <translation>Đã quét %1 trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="181" />
        <source>Reading the text of the pages...</source>
        <translation>Đang nhận dạng chữ trên các trang...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="187" />
        <location filename="../../app/ui/capture_view.py" line="219" />
        <source>%1 pages, %2 documents</source>
        <translation>%1 trang, %2 tài liệu</translation>
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="61" />
        <source>Central repository</source>
        <translation>Kho dữ liệu trung tâm</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="62" />
        <source>Where the station sends finished records. This can be entered later.</source>
        <translation>Nơi trạm gửi hồ sơ đã hoàn thành. Có thể nhập sau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="64" />
        <source>Central repository address</source>
        <translation>Địa chỉ kho dữ liệu trung tâm</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="68" />
        <source>Access token</source>
        <translation>Mã truy cập</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="71" />
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="72" />
        <source>Access &amp;token:</source>
        <translation>&amp;Mã truy cập:</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="73" />
        <source>Optional: leave both empty and enter them later in Settings.</source>
        <translation>Có thể nhập sau: để trống cả hai và nhập trong mục Cài đặt.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="111" />
        <source>Progress against the plan</source>
        <translation>Tiến độ so với kế hoạch</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="116" />
        <source>Report year</source>
        <translation>Năm báo cáo</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="76" />
        <source>Progress summary</source>
        <translation>Tóm tắt tiến độ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="78" />
        <source>Send queue</source>
        <translation>Hàng đợi gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="80" />
        <source>Progress per result type</source>
        <translation>Tiến độ theo loại kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="91" />
        <source>Activity summary</source>
        <translation>Tóm tắt hoạt động</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="121" />
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="126" />
        <source>Station activity</source>
        <translation>Hoạt động của trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="130" />
        <source>Last %1 days</source>
        <translation>%1 ngày qua</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="132" />
        <source>Period</source>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="134" />
        <source>All result types</source>
        <translation>Tất cả loại kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="135" />
        <source>Result type</source>
        <translation>Loại kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="137" />
        <source>All officers</source>
        <translation>Tất cả cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="138" />
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="143" />
        <source>&amp;Period:</source>
        <translation>Thời &amp;gian:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="144" />
        <source>Result &amp;type:</source>
        <translation>&amp;Loại kết quả:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="145" />
        <source>&amp;Officer:</source>
        <translation>&amp;Cán bộ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="153" />
        <source>Pages scanned per day</source>
        <translation>Số trang quét mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="154" />
        <source>Documents returned per day</source>
        <translation>Hồ sơ bị trả lại mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="155" />
        <source>Waiting to be sent (end of day)</source>
        <translation>Chờ gửi (cuối mỗi ngày)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="251" />
        <source>No inventory for this result type yet.</source>
        <translation>Chưa có số liệu kiểm kê cho loại kết quả này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="260" />
        <source>No inventory yet: enter or import the paper counts on the Inventory screen.</source>
        <translation>Chưa có số liệu kiểm kê: hãy ghi số lượng giấy tờ (hoặc nhập từ Excel) ở màn hình Kiểm kê.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="281" />
        <source>Last %1 days: pages scanned: %2 · documents returned: %3 · waiting to be sent now: %4</source>
        <translation>%1 ngày qua: đã quét %2 trang · %3 hồ sơ bị trả lại · hiện còn chờ gửi: %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="291" />
        <source>No pages scanned in this period. Scan a batch on the Scan screen or choose a longer period.</source>
        <translation>Chưa quét trang nào trong khoảng thời gian này. Hãy quét một lô ở màn hình Quét hoặc chọn khoảng thời gian dài hơn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="295" />
        <source>No document was returned in this period.</source>
        <translation>Không có hồ sơ nào bị trả lại trong khoảng thời gian này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="298" />
        <source>Nothing was waiting to be sent.</source>
        <translation>Không có hồ sơ nào phải chờ gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="307" />
        <source>No work recorded for this choice. Choose a longer period, or another type or officer.</source>
        <translation>Chưa có kết quả làm việc nào theo lựa chọn này. Hãy chọn khoảng thời gian dài hơn, hoặc loại kết quả hay cán bộ khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="95" />
        <source>Work per officer</source>
        <translation>Kết quả theo cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="84" />
        <source>Per result type (green: digitised, red mark: target of the plan)</source>
        <translation>Theo loại kết quả (xanh: đã số hóa, vạch đỏ: chỉ tiêu kế hoạch)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="263" />
        <source>%1 working days at the current pace</source>
        <translation>Cần khoảng %1 ngày làm việc với tốc độ hiện nay.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="266" />
        <source>Digitised %1 of %2 papers (%3%); the plan asks %4% by the end of %5. Missing: %6 papers. %7</source>
        <translation>Đã số hóa %1/%2 giấy tờ (%3%); kế hoạch yêu cầu %4% đến cuối năm %5. Còn thiếu: %6 giấy tờ. %7</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_view.py" line="240" />
        <source>Pace: %1 documents per working day · waiting to be sent: %2 · out of scope: %3</source>
        <translation>Tốc độ: %1 hồ sơ mỗi ngày làm việc · chờ gửi: %2 · ngoài phạm vi: %3</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmation</name>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="206" />
        <source>Delete inventory row</source>
        <translation>Xóa dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="208" />
        <source>Delete the row %1, %2, %3 (%4 papers)? The deletion is recorded in the audit log.</source>
        <translation>Xóa dòng %1, %2, năm %3 (%4 giấy tờ)? Việc xóa được ghi vào nhật ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="214" />
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="215" />
        <source>Delete the row</source>
        <translation>Xóa dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="216" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="217" />
        <source>Keep the row</source>
        <translation>Giữ lại dòng kiểm kê</translation>
    </message>
</context>
<context>
    <name>DescribeForm</name>
    <message>
        <location filename="../../app/ui/describe_form.py" line="112" />
        <source>Low confidence, please check</source>
        <translation>Độ tin cậy thấp, hãy kiểm tra</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="136" />
        <source>Problems with %1</source>
        <translation>Lỗi ở trường %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="142" />
        <source>— not chosen —</source>
        <translation>— chưa chọn —</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="151" />
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="157" />
        <source>Citizen ID card (CCCD)</source>
        <translation>Căn cước công dân (CCCD)</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="158" />
        <source>9-digit ID card (CMND)</source>
        <translation>CMND 9 số</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="159" />
        <source>12-digit ID card (CMND)</source>
        <translation>CMND 12 số</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="160" />
        <source>Passport</source>
        <translation>Hộ chiếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="161" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="166" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_form.py" line="166" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>DescribeView</name>
    <message>
        <location filename="../../app/ui/describe_view.py" line="78" />
        <source>&amp;Batch:</source>
        <translation>Lô &amp;quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="80" />
        <source>Batch</source>
        <translation>Lô quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="85" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="92" />
        <source>Returned by the supervisor</source>
        <translation>Bị lãnh đạo trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="117" />
        <source>Document &amp;type:</source>
        <translation>Loại &amp;giấy tờ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="119" />
        <source>Document type</source>
        <translation>Loại giấy tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="142" />
        <source>Out of digitisation scope…</source>
        <translation>Ngoài phạm vi số hóa…</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="143" />
        <source>Mark out of digitisation scope</source>
        <translation>Đánh dấu ngoài phạm vi số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="144" />
        <source>Mark this paper out of digitisation scope (Ctrl+Shift+O)</source>
        <translation>Đánh dấu giấy tờ này ngoài phạm vi số hóa (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="146" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="147" />
        <source>Save the document's data</source>
        <translation>Lưu thông tin tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="148" />
        <source>Ctrl+S; Ctrl+Enter saves and opens the next document</source>
        <translation>Ctrl+S; Ctrl+Enter lưu và chuyển sang tài liệu tiếp theo</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="250" />
        <source>No batch yet: scan a batch first.</source>
        <translation>Chưa có lô nào: hãy quét một lô trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="260" />
        <source>This batch has no documents.</source>
        <translation>Lô này chưa có tài liệu nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="349" />
        <source>The scans of this document were removed after the retention period; the record stays.</source>
        <translation>Bản quét của tài liệu này đã được xóa theo thời hạn giữ; thông tin tài liệu vẫn được giữ lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="379" />
        <source>Returned: %1</source>
        <translation>Bị trả lại: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="386" />
        <source>Out of scope: %1</source>
        <translation>Ngoài phạm vi số hóa: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="412" />
        <source>Changes not saved yet (Ctrl+S saves).</source>
        <translation>Có thay đổi chưa lưu (Ctrl+S để lưu).</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="443" />
        <source>Invalid date: type it as day/month/year (e.g. 01/02/2019).</source>
        <translation>Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm (ví dụ 01/02/2019).</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="468" />
        <source>Not saved: check %1.</source>
        <translation>Chưa lưu: hãy kiểm tra %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="518" />
        <source>Saved: document %1.</source>
        <translation>Đã lưu tài liệu %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_view.py" line="555" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="36" />
        <source>Documents of the batch</source>
        <translation>Các tài liệu trong lô</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="51" />
        <source>Type not known</source>
        <translation>Chưa rõ loại</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="52" />
        <source>%1 page(s)</source>
        <translation>%1 trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="53" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
</context>
<context>
    <name>InventoryEditor</name>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="72" />
        <source>Edit inventory row</source>
        <translation>Sửa dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="72" />
        <source>New inventory row</source>
        <translation>Thêm dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="80" />
        <source>Agency as printed on the papers</source>
        <translation>Cơ quan ban hành, ghi đúng như in trên giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="81" />
        <source>e.g. UBND xã Đa Tốn</source>
        <translation>ví dụ: UBND xã Đa Tốn</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="86" />
        <source>Not matched yet: type above to search</source>
        <translation>Chưa đối chiếu: gõ vào ô trên để tìm</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="89" />
        <source>The unit holding these records today</source>
        <translation>Đơn vị đang quản lý các giấy tờ này hiện nay</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="92" />
        <source>Result type</source>
        <translation>Loại kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="98" />
        <source>Year of issue</source>
        <translation>Năm ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="102" />
        <source>Number of still-valid papers</source>
        <translation>Số giấy tờ còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="106" />
        <source>Problems with the row</source>
        <translation>Lỗi của dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="111" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="112" />
        <source>Save the row</source>
        <translation>Lưu dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="114" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="115" />
        <source>Close without saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="119" />
        <source>Agency as &amp;printed:</source>
        <translation>Cơ quan ban hành (như &amp;in):</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="120" />
        <source>Agency in the &amp;catalogue:</source>
        <translation>Cơ quan trong &amp;danh mục:</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="122" />
        <source>Result &amp;type:</source>
        <translation>Loại &amp;kết quả:</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="123" />
        <source>&amp;Year of issue:</source>
        <translation>&amp;Năm ban hành:</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="124" />
        <source>&amp;Number still valid:</source>
        <translation>&amp;Số lượng còn hiệu lực:</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="146" />
        <source>Records held today by: %1</source>
        <translation>Đơn vị hiện nay: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="148" />
        <source>Today's unit is not in the catalogue yet.</source>
        <translation>Danh mục chưa có đơn vị kế thừa hiện nay.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="183" />
        <source>There is already a row for this agency, type and year: edit that row instead.</source>
        <translation>Đã có dòng cho cơ quan, loại kết quả và năm này: hãy sửa dòng đó thay vì thêm mới.</translation>
    </message>
</context>
<context>
    <name>InventoryFiles</name>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="228" />
        <source>Excel sheets (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="230" />
        <source>Save the inventory template</source>
        <translation>Lưu tệp mẫu kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_editor.py" line="233" />
        <source>Import the inventory sheet</source>
        <translation>Nhập tệp kiểm kê</translation>
    </message>
</context>
<context>
    <name>InventoryTable</name>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="35" />
        <source>Agency as printed</source>
        <translation>Cơ quan ban hành (như in)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="36" />
        <source>Agency in the catalogue</source>
        <translation>Cơ quan trong danh mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="37" />
        <source>Today's unit</source>
        <translation>Đơn vị hiện nay</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="38" />
        <source>Result type</source>
        <translation>Loại kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="39" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="40" />
        <source>Still valid</source>
        <translation>Còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="41" />
        <source>Changed by</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="42" />
        <source>Changed at</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="45" />
        <source>Inventory rows</source>
        <translation>Các dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="61" />
        <location filename="../../app/ui/inventory_table.py" line="78" />
        <location filename="../../app/ui/inventory_table.py" line="81" />
        <source>not matched</source>
        <translation>chưa đối chiếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="61" />
        <location filename="../../app/ui/inventory_table.py" line="78" />
        <source>unknown</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_table.py" line="109" />
        <source>Total: %1 still-valid papers in %2 rows.</source>
        <translation>Tổng cộng: %1 giấy tờ còn hiệu lực trong %2 dòng.</translation>
    </message>
</context>
<context>
    <name>InventoryView</name>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="69" />
        <source>Inventory of still-valid paper results</source>
        <translation>Kiểm kê kết quả giải quyết TTHC bản giấy còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="73" />
        <source>Count the papers still in force per issuing agency (as printed), result type and year. Progress against the plan is measured against these counts.</source>
        <translation>Ghi số giấy tờ còn hiệu lực theo từng cơ quan ban hành (như in trên giấy), loại kết quả và năm. Tiến độ so với kế hoạch được tính trên các số liệu này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="92" />
        <source>Inventory totals</source>
        <translation>Tổng số kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="95" />
        <source>Result of the last action</source>
        <translation>Kết quả thao tác vừa làm</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="99" />
        <source>Problems in the imported sheet</source>
        <translation>Lỗi trong tệp kiểm kê vừa nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="110" />
        <source>Loading the inventory…</source>
        <translation>Đang tải số liệu kiểm kê…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="116" />
        <source>&amp;Add row…</source>
        <translation>&amp;Thêm dòng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="118" />
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="120" />
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="122" />
        <source>&amp;Import Excel…</source>
        <translation>&amp;Nhập từ Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="125" />
        <source>Save &amp;template…</source>
        <translation>Lưu tệp &amp;mẫu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="130" />
        <source>Add an inventory row</source>
        <translation>Thêm một dòng kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="131" />
        <source>Edit the selected row</source>
        <translation>Sửa dòng đang chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="132" />
        <source>Delete the selected row</source>
        <translation>Xóa dòng đang chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="133" />
        <source>Import a filled inventory sheet (Excel)</source>
        <translation>Nhập tệp kiểm kê đã điền (Excel)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="135" />
        <source>Save the empty inventory template (Excel)</source>
        <translation>Lưu tệp mẫu kiểm kê trống (Excel)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="181" />
        <source>No inventory yet. Press Insert to add the count of still-valid papers for one agency, result type and year, or Ctrl+I to import the station's Excel template once filled (Ctrl+T saves an empty one).</source>
        <translation>Chưa có số liệu kiểm kê. Nhấn Insert để thêm số giấy tờ còn hiệu lực của một cơ quan, một loại kết quả, một năm; hoặc nhấn Ctrl+I để nhập tệp mẫu Excel của trạm đã điền (Ctrl+T để lưu tệp mẫu trống).</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="250" />
        <source>Saved: %1, %2, %3 — %4.</source>
        <translation>Đã lưu: %1, %2, năm %3 — %4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="250" />
        <source>Added: %1, %2, %3 — %4.</source>
        <translation>Đã thêm: %1, %2, năm %3 — %4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="258" />
        <source>Nothing changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="280" />
        <source>Deleted: %1, %2, %3.</source>
        <translation>Đã xóa: %1, %2, năm %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="295" />
        <source>Importing %1…</source>
        <translation>Đang nhập %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="299" />
        <source>Imported %1: %2 rows read, %3 new or changed.</source>
        <translation>Đã nhập %1: đọc %2 dòng, %3 dòng mới hoặc thay đổi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inventory_view.py" line="315" />
        <source>Template saved: %1. Fill one row per agency, type and year, then import it.</source>
        <translation>Đã lưu tệp mẫu: %1. Điền mỗi dòng một cơ quan, một loại kết quả, một năm rồi nhập lại vào trạm.</translation>
    </message>
</context>
<context>
    <name>IssuerBlock</name>
    <message>
        <location filename="../../app/ui/describe_issuer.py" line="30" />
        <location filename="../../app/ui/describe_issuer.py" line="33" />
        <source>Issuing body (as printed)</source>
        <translation>Cơ quan ban hành (như in trên giấy)</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_issuer.py" line="38" />
        <source>Catalogue entry</source>
        <translation>Đơn vị trong danh mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_issuer.py" line="39" />
        <source>Successor unit today</source>
        <translation>Đơn vị kế thừa hiện nay</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_issuer.py" line="67" />
        <source>Low confidence, please check</source>
        <translation>Độ tin cậy thấp, hãy kiểm tra</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_issuer.py" line="72" />
        <source>not found in the catalogue</source>
        <translation>không tìm thấy trong danh mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_issuer.py" line="73" />
        <source>not known yet (ask the administrator to update the catalogue)</source>
        <translation>chưa xác định (đề nghị quản trị viên cập nhật danh mục)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="84" />
        <source>Log in — Digitisation Station</source>
        <translation>Đăng nhập — Trạm Số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="85" />
        <source>Log in to the station</source>
        <translation>Đăng nhập vào trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="86" />
        <source>&amp;Login:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="87" />
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="88" />
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="89" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="90" />
        <source>Demo accounts: canbo / lanhdao / quantri, password demo1234</source>
        <translation>Tài khoản thử: canbo / lanhdao / quantri, mật khẩu demo1234</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="91" />
        <source>Log &amp;in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="92" />
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="93" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="94" />
        <source>Quit the application</source>
        <translation>Thoát chương trình</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="104" />
        <source>Enter your login and password.</source>
        <translation>Nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_dialog.py" line="127" />
        <source>Wrong login or password. Check them and try again.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu. Kiểm tra lại rồi đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="168" />
        <location filename="../../app/ui/main_window.py" line="172" />
        <source>Digitisation Station</source>
        <translation>Trạm Số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170" />
        <source>demo</source>
        <translation>bản trình diễn</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173" />
        <source>Log in to start work.</source>
        <translation>Đăng nhập để bắt đầu làm việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174" />
        <source>Screens</source>
        <translation>Các màn hình</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175" />
        <source>&amp;Station</source>
        <translation>&amp;Trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176" />
        <source>&amp;Log out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177" />
        <source>Log out (Ctrl+Shift+L)</source>
        <translation>Đăng xuất (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178" />
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188" />
        <source>Not logged in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192" />
        <source>Logged-in user: %1</source>
        <translation>Người đang đăng nhập: %1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/nav.py" line="50" />
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="51" />
        <source>Describe</source>
        <translation>Nhập thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="52" />
        <source>Batches</source>
        <translation>Lô hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="53" />
        <source>Review</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="54" />
        <source>Send data</source>
        <translation>Gửi dữ liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="55" />
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="56" />
        <source>Inventory</source>
        <translation>Kiểm kê</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="57" />
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="58" />
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="59" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="35" />
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="50" />
        <source>&amp;Create</source>
        <translation>&amp;Tạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="51" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="56" />
        <source>Roles:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="66" />
        <source>Enter the person's full name.</source>
        <translation>Nhập họ và tên của người dùng.</translation>
    </message>
</context>
<context>
    <name>OfficerTable</name>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="42" />
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="43" />
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="44" />
        <source>Work time (h:mm)</source>
        <translation>Thời gian làm (giờ:phút)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="45" />
        <source>Pages per hour</source>
        <translation>Trang/giờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="46" />
        <source>Rescans</source>
        <translation>Quét lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="47" />
        <source>Submitted</source>
        <translation>Đã trình</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="48" />
        <source>Rejection rate</source>
        <translation>Tỷ lệ bị trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="49" />
        <source>Approved in %1</source>
        <translation>Đã duyệt năm %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="50" />
        <source>Digitised in %1</source>
        <translation>Đã số hóa năm %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="54" />
        <source>Actions at most 15 minutes apart count as one stretch of work.</source>
        <translation>Các thao tác cách nhau không quá 15 phút được tính là một lần làm việc liền mạch.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="55" />
        <source>New pages (rescans not counted) per hour of work time.</source>
        <translation>Số trang mới quét (không tính quét lại) trong mỗi giờ làm việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="57" />
        <source>Of the approve or return decisions on their documents, the share that sent one back.</source>
        <translation>Trong các lần lãnh đạo duyệt hoặc trả lại hồ sơ của cán bộ, tỷ lệ số lần trả lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard_officers.py" line="89" />
        <source>Unknown (scanned before accounts were recorded)</source>
        <translation>Không rõ (quét trước khi hệ thống ghi người quét)</translation>
    </message>
</context>
<context>
    <name>PagePane</name>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="81" />
        <source>Pages of the document</source>
        <translation>Các trang của tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="85" />
        <source>Choose a document on the left.</source>
        <translation>Chọn một tài liệu ở danh sách bên trái.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_panel.py" line="100" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
</context>
<context>
    <name>PageTexts</name>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="36" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="38" />
        <source>Scan removed</source>
        <translation>Đã xóa bản quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="42" />
        <source>Unreadable: rescan</source>
        <translation>Không đọc được: quét lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="42" />
        <source>Rescan</source>
        <translation>Quét lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="46" />
        <source>Separator sheet</source>
        <translation>Tờ phân tách</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="49" />
        <source>Blank page</source>
        <translation>Trang trắng</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="60" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="63" />
        <source>Page %1 of the scan</source>
        <translation>Trang %1 của lượt quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="65" />
        <source> (in no document)</source>
        <translation> (chưa thuộc tài liệu nào)</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="66" />
        <source>page %1 of %2</source>
        <translation>trang %1/%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="71" />
        <source>too dark</source>
        <translation>quá tối</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="72" />
        <source>too light</source>
        <translation>quá nhạt</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="73" />
        <source>low contrast</source>
        <translation>độ tương phản thấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="74" />
        <source>blurred</source>
        <translation>bị mờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="75" />
        <source>below 200 dpi</source>
        <translation>dưới 200 dpi</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_texts.py" line="76" />
        <source>paper cut off</source>
        <translation>giấy bị cắt mép</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../app/ui/page_view.py" line="62" />
        <source>Page image</source>
        <translation>Ảnh trang giấy</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="49" />
        <source>Page quality warnings</source>
        <translation>Cảnh báo chất lượng trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="50" />
        <source>Select a page to see it large.</source>
        <translation>Chọn một trang để xem ảnh lớn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="55" />
        <source>Save outline (Enter)</source>
        <translation>Lưu khung (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="56" />
        <source>Save the paper outline</source>
        <translation>Lưu khung giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="57" />
        <source>Cancel (Esc)</source>
        <translation>Huỷ (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="58" />
        <source>Cancel editing the paper outline</source>
        <translation>Huỷ sửa khung giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="85" />
        <source>Check this page now: %1</source>
        <translation>Kiểm tra ngay trang này: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_preview.py" line="103" />
        <source>Raw scan: drag the corners onto the paper (Tab picks a corner, arrows move it).</source>
        <translation>Ảnh quét gốc: kéo các góc vào đúng góc tờ giấy (Tab chọn góc, phím mũi tên để dịch góc).</translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="28" />
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="31" />
        <source>Paper source</source>
        <translation>Nguồn giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="32" />
        <source>&amp;Both sides</source>
        <translation>&amp;Hai mặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="33" />
        <source>Scan both sides of each sheet</source>
        <translation>Quét cả hai mặt mỗi tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="35" />
        <source>Resolution</source>
        <translation>Độ phân giải</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="37" />
        <source>Colour mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="43" />
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="44" />
        <source>Source:</source>
        <translation>Nguồn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="45" />
        <source>Resolution:</source>
        <translation>Độ phân giải:</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="46" />
        <source>Colour:</source>
        <translation>Màu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="106" />
        <source>Feeder</source>
        <translation>Khay nạp giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="106" />
        <source>Flatbed</source>
        <translation>Mặt kính</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="112" />
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_profile.py" line="112" />
        <source>Grey</source>
        <translation>Xám</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="30" />
        <source>Return to the officer</source>
        <translation>Trả lại cho cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="31" />
        <source>Return the document with a reason</source>
        <translation>Trả lại tài liệu kèm lý do</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="33" />
        <source>Return “%1” to the officer</source>
        <translation>Trả lại “%1” cho cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="36" />
        <source>&amp;Reason (the officer will see it and correct the document):</source>
        <translation>&amp;Lý do (cán bộ sẽ thấy lý do này để sửa lại):</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="38" />
        <source>Reason for returning</source>
        <translation>Lý do trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="45" />
        <source>Return (Ctrl+Enter)</source>
        <translation>Trả lại (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="46" />
        <source>Return the document</source>
        <translation>Trả lại tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="48" />
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="49" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="69" />
        <source>Write at least %1 more characters.</source>
        <translation>Viết thêm ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="71" />
        <source>Press Ctrl+Enter to return the document.</source>
        <translation>Nhấn Ctrl+Enter để trả lại tài liệu.</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location filename="../../app/ui/update_notice.py" line="173" />
        <source>Station update %1</source>
        <translation>Bản cập nhật %1 của trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="176" />
        <source>New version:</source>
        <translation>Phiên bản mới:</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="177" />
        <source>Version in use:</source>
        <translation>Phiên bản đang dùng:</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="178" />
        <source>Published:</source>
        <translation>Ngày công bố:</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="180" />
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="185" />
        <source>Download address:</source>
        <translation>Địa chỉ tải về:</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="187" />
        <source>Installer SHA-256:</source>
        <translation>Mã SHA-256 của bộ cài:</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="188" />
        <source>(no release notes)</source>
        <translation>(không có ghi chú phát hành)</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="190" />
        <source>The station's data are kept when the update is installed.</source>
        <translation>Dữ liệu của trạm được giữ nguyên khi cài bản cập nhật.</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="193" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="197" />
        <source>Release notes:</source>
        <translation>Ghi chú phát hành:</translation>
    </message>
</context>
<context>
    <name>ReviewDetailsPanel</name>
    <message>
        <location filename="../../app/ui/review_panel.py" line="26" />
        <source>Document data</source>
        <translation>Thông tin tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="28" />
        <source>Choose a document on the left.</source>
        <translation>Chọn một tài liệu ở danh sách bên trái.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="44" />
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="50" />
        <source>Data on the paper</source>
        <translation>Thông tin trên giấy tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="51" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="52" />
        <source>Digitisation</source>
        <translation>Số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="57" />
        <source>Document %1 · %2</source>
        <translation>Tài liệu %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="65" />
        <source>As printed</source>
        <translation>Như in trên giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="66" />
        <source>Unit in the catalogue</source>
        <translation>Đơn vị trong danh mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="66" />
        <source>not matched</source>
        <translation>chưa khớp được</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="67" />
        <source>Successor unit today</source>
        <translation>Đơn vị kế thừa hiện nay</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="72" />
        <source>same unit</source>
        <translation>vẫn là đơn vị này</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="72" />
        <source>not known yet</source>
        <translation>chưa xác định</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="75" />
        <source>Result code</source>
        <translation>Mã kết quả số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="75" />
        <source>issued on approval</source>
        <translation>cấp khi phê duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="76" />
        <source>Out of scope</source>
        <translation>Ngoài phạm vi</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="78" />
        <source>Described by</source>
        <translation>Người nhập thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="79" />
        <source>Submitted by</source>
        <translation>Người trình duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="80" />
        <source>Reviewed by</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panel.py" line="84" />
        <source>Reason returned</source>
        <translation>Lý do trả lại</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../app/ui/review_view.py" line="65" />
        <source>Only a supervisor can review and approve documents.</source>
        <translation>Chỉ lãnh đạo (người kiểm tra) mới được xem và duyệt hồ sơ ở màn hình này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="83" />
        <source>Review documents</source>
        <translation>Duyệt hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="86" />
        <source>Batch to review</source>
        <translation>Lô cần duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="89" />
        <source>&amp;Batch:</source>
        <translation>&amp;Lô:</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="97" />
        <source>Documents of the batch</source>
        <translation>Các tài liệu của lô</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="100" />
        <source>Pages of the document</source>
        <translation>Các trang của tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="112" />
        <source>Approval progress</source>
        <translation>Tiến độ phê duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="124" />
        <source>&amp;Approve (Ctrl+Enter)</source>
        <translation>&amp;Duyệt (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="124" />
        <source>Approve and sign</source>
        <translation>Duyệt và ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="127" />
        <source>&amp;Return… (Ctrl+R)</source>
        <translation>&amp;Trả lại… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="127" />
        <source>Return to the officer</source>
        <translation>Trả lại cho cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="130" />
        <source>Approve all remaining (Ctrl+Shift+Enter)</source>
        <translation>Duyệt tất cả còn lại (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="82" />
        <location filename="../../app/ui/review_view.py" line="130" />
        <source>Approve all remaining</source>
        <translation>Duyệt tất cả còn lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="83" />
        <source>Approve and sign the %1 documents still awaiting review in this batch?</source>
        <translation>Duyệt và ký số %1 tài liệu còn đang chờ duyệt của lô này?</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="88" />
        <source>Approved documents are signed and queued for the central repository.</source>
        <translation>Tài liệu đã duyệt sẽ được ký số và đưa vào hàng đợi gửi lên kho dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="95" />
        <source>Approve all</source>
        <translation>Duyệt tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialogs.py" line="97" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="192" />
        <source>%1 (%2 awaiting review)</source>
        <translation>%1 (%2 chờ duyệt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="213" />
        <location filename="../../app/ui/review_view.py" line="293" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="219" />
        <source>%1 documents awaiting review</source>
        <translation>Còn %1 tài liệu chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="224" />
        <source>No document of this batch is awaiting review.</source>
        <translation>Lô này không còn tài liệu nào chờ duyệt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="266" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="299" />
        <source>%1: approved and signed.</source>
        <translation>%1: đã duyệt và ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="332" />
        <source>%1: returned to the officer.</source>
        <translation>%1: đã trả lại cho cán bộ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="382" />
        <source>Approved and signed %1 documents.</source>
        <translation>Đã duyệt và ký số %1 tài liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_view.py" line="385" />
        <source>Document %1: %2</source>
        <translation>Tài liệu %1: %2</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/ui/nav.py" line="67" />
        <source>Digitisation officer</source>
        <translation>Cán bộ số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="68" />
        <source>Supervisor</source>
        <translation>Lãnh đạo duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/nav.py" line="69" />
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <location filename="../../app/ui/describe_scope.py" line="33" />
        <location filename="../../app/ui/describe_scope.py" line="34" />
        <source>Out of digitisation scope</source>
        <translation>Ngoài phạm vi số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_scope.py" line="36" />
        <source>Why is this paper not digitised? It will be left out of the counts.</source>
        <translation>Vì sao giấy tờ này không số hóa? Giấy tờ sẽ không được tính vào số liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_scope.py" line="49" />
        <source>&amp;Note (required for “Other reason”):</source>
        <translation>&amp;Ghi chú (bắt buộc khi chọn “Lý do khác”):</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_scope.py" line="52" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_scope.py" line="65" />
        <source>Mark out of scope</source>
        <translation>Đánh dấu ngoài phạm vi</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_scope.py" line="66" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SeparatorDialog</name>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="32" />
        <source>Print separator sheets</source>
        <translation>In tờ phân tách</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="33" />
        <source>&amp;Plain separator (only splits documents)</source>
        <translation>Tờ phân tách &amp;thường (chỉ để tách tài liệu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="34" />
        <source>&amp;Cover sheet for a document type</source>
        <translation>Tờ &amp;bìa theo loại giấy tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="40" />
        <source>Document type on the cover sheet</source>
        <translation>Loại giấy tờ in trên tờ bìa</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="50" />
        <source>Number of sheets</source>
        <translation>Số tờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="55" />
        <source>Save PDF...</source>
        <translation>Lưu PDF...</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="56" />
        <source>Save the sheets as a PDF to print</source>
        <translation>Lưu các tờ thành tệp PDF để in</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="58" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="62" />
        <source>Document &amp;type:</source>
        <translation>&amp;Loại giấy tờ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="63" />
        <source>&amp;Number of sheets:</source>
        <translation>&amp;Số tờ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="80" />
        <source>Save separator sheets</source>
        <translation>Lưu tờ phân tách</translation>
    </message>
    <message>
        <location filename="../../app/ui/separator_sheets.py" line="80" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../app/ui/settings_view.py" line="52" />
        <source>Station settings</source>
        <translation>Cài đặt trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="54" />
        <source>&amp;Save settings</source>
        <translation>&amp;Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="56" />
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="57" />
        <source>Save settings (Ctrl+S)</source>
        <translation>Lưu cài đặt (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="80" />
        <source>Station</source>
        <translation>Trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="82" />
        <source>Station code</source>
        <translation>Mã trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="87" />
        <source>Station &amp;code:</source>
        <translation>&amp;Mã trạm:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="88" />
        <source>&amp;Agency:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="92" />
        <source>Result codes</source>
        <translation>Mã kết quả số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="94" />
        <source>Result code template</source>
        <translation>Mẫu mã kết quả số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="98" />
        <source>Example code</source>
        <translation>Mã ví dụ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="99" />
        <source>Parts: {owner} {result_type} {station} {year} {seq}; {seq} is required.</source>
        <translation>Thành phần: {owner} (chủ thể), {result_type} (loại kết quả), {station} (trạm), {year} (năm), {seq} (số thứ tự, bắt buộc).</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="103" />
        <source>&amp;Template:</source>
        <translation>Mẫ&amp;u mã:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="105" />
        <source>Example:</source>
        <translation>Ví dụ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="109" />
        <source>Central repository</source>
        <translation>Kho dữ liệu trung tâm</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="111" />
        <source>Central repository address</source>
        <translation>Địa chỉ kho dữ liệu trung tâm</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="115" />
        <source>Access token</source>
        <translation>Mã truy cập</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="117" />
        <source>Add&amp;ress:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="118" />
        <source>Access &amp;token:</source>
        <translation>Mã &amp;truy cập:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="122" />
        <source>Sending</source>
        <translation>Gửi dữ liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="127" />
        <source>No limit</source>
        <translation>Không giới hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="128" />
        <source>Bandwidth limit</source>
        <translation>Giới hạn băng thông</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="129" />
        <source>Send only bet&amp;ween</source>
        <translation>Chỉ gửi tr&amp;ong khung giờ từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="130" />
        <source>Send only in a time window</source>
        <translation>Chỉ gửi trong khung giờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="132" />
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="132" />
        <source>Until</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="140" />
        <source>and</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="146" />
        <source> days after confirmation</source>
        <translation> ngày sau khi kho xác nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="147" />
        <source>Keep for ever</source>
        <translation>Giữ mãi</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="148" />
        <source>Keep scans on the station</source>
        <translation>Thời hạn giữ bản quét trên trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="151" />
        <source>Scans leave the station only after the central repository confirmed the document and this many days have passed. Records and signed PDFs always stay.</source>
        <translation>Bản quét chỉ được xóa khỏi trạm khi kho dữ liệu trung tâm đã xác nhận nhận tài liệu và đã qua số ngày này. Thông tin tài liệu và bản PDF đã ký luôn được giữ lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="156" />
        <source>&amp;Bandwidth limit:</source>
        <translation>Giới hạn &amp;băng thông:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="158" />
        <source>&amp;Keep scans:</source>
        <translation>&amp;Giữ bản quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="215" />
        <source>Invalid template: %1</source>
        <translation>Mẫu mã không hợp lệ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="241" />
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="118" />
        <source>Set up the digitisation station</source>
        <translation>Cài đặt trạm số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="125" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="126" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="127" />
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="128" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app/ui/nav.py" line="85" />
        <source>Something went wrong. Try again.</source>
        <translation>Đã xảy ra lỗi. Vui lòng thử lại.</translation>
    </message>
</context>
<context>
    <name>SignerDialog</name>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="77" />
        <source>Signing key</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="79" />
        <source>Key &amp;file (.p12)</source>
        <translation>&amp;Tệp khóa (.p12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="80" />
        <source>USB &amp;token (PKCS#11)</source>
        <translation>&amp;USB ký số (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="82" />
        <source>Key file</source>
        <translation>Tệp khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="83" />
        <source>&amp;Browse...</source>
        <translation>&amp;Chọn tệp...</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="84" />
        <location filename="../../app/ui/account_dialogs.py" line="134" />
        <source>Choose the key file</source>
        <translation>Chọn tệp khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="87" />
        <source>PKCS#11 module</source>
        <translation>Mô-đun PKCS#11</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="89" />
        <source>Token label</source>
        <translation>Tên thiết bị ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="98" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="99" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="107" />
        <source>Key file:</source>
        <translation>Tệp khóa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="109" />
        <source>Module:</source>
        <translation>Mô-đun:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="110" />
        <source>Token label:</source>
        <translation>Tên thiết bị ký:</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="111" />
        <source>The passphrase or PIN is asked when signing; it is never stored.</source>
        <translation>Mật khẩu khóa hoặc mã PIN được hỏi khi ký, không bao giờ được lưu lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="134" />
        <source>Key files (*.p12 *.pfx)</source>
        <translation>Tệp khóa (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="143" />
        <source>Choose the key file (.p12).</source>
        <translation>Chọn tệp khóa (.p12).</translation>
    </message>
    <message>
        <location filename="../../app/ui/account_dialogs.py" line="145" />
        <source>Enter the path of the token's PKCS#11 module.</source>
        <translation>Nhập đường dẫn mô-đun PKCS#11 của USB ký số.</translation>
    </message>
</context>
<context>
    <name>SigningSecretGate</name>
    <message>
        <location filename="../../app/ui/signing_secret.py" line="107" />
        <source>Signing key</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing_secret.py" line="108" />
        <source>Signing key passphrase (or USB token PIN)</source>
        <translation>Mật khẩu khóa ký số (hoặc mã PIN USB ký số)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing_secret.py" line="112" />
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing_secret.py" line="113" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="36" />
        <source>The station</source>
        <translation>Thông tin trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="37" />
        <source>Give the station a code and choose the commune or ward it serves.</source>
        <translation>Đặt mã trạm và chọn xã/phường mà trạm phục vụ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="39" />
        <source>Station code</source>
        <translation>Mã trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="40" />
        <source>e.g. HN-DATON-01</source>
        <translation>ví dụ: HN-DATON-01</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="45" />
        <source>Station &amp;code:</source>
        <translation>&amp;Mã trạm:</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="46" />
        <source>&amp;Agency:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="16" />
        <source>waiting</source>
        <translation>chờ gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="17" />
        <source>sending</source>
        <translation>đang gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="18" />
        <source>sent, awaiting confirmation</source>
        <translation>đã gửi, chờ xác nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="19" />
        <source>confirmed by the repository</source>
        <translation>kho đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="20" />
        <source>failed for now, will retry</source>
        <translation>lỗi tạm thời, sẽ gửi lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="21" />
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="22" />
        <source>needs a new access token</source>
        <translation>cần mã truy cập mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="28" />
        <source>Sending was interrupted; it resumes by itself.</source>
        <translation>Việc gửi bị gián đoạn; hệ thống sẽ tự gửi tiếp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="30" />
        <source>The repository has no record of the document; it will be sent again.</source>
        <translation>Kho dữ liệu chưa ghi nhận hồ sơ. Hệ thống sẽ tự gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="42" />
        <source>● Not sending (paused or no repository set)</source>
        <translation>● Đang không gửi (tạm dừng hoặc chưa cài kho dữ liệu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="44" />
        <source>● Online: documents are being sent</source>
        <translation>● Có kết nối: hồ sơ đang được gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="49" />
        <source>● Checking the connection…</source>
        <translation>● Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_texts.py" line="74" />
        <source>Not sent yet (%1).</source>
        <translation>Chưa gửi được (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="81" />
        <source>Connection to the central repository</source>
        <translation>Kết nối tới kho dữ liệu trung tâm</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="83" />
        <source>Documents by state</source>
        <translation>Số hồ sơ theo trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="85" />
        <source>Current document</source>
        <translation>Hồ sơ đang gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="86" />
        <source>Current document: %p%</source>
        <translation>Hồ sơ đang gửi: %p%</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="88" />
        <source>All documents in this round</source>
        <translation>Toàn bộ hồ sơ của lượt gửi này</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="89" />
        <source>This round: %p%</source>
        <translation>Lượt gửi này: %p%</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="90" />
        <source>Speed: –</source>
        <translation>Tốc độ: –</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="94" />
        <source>Send &amp;now (F9)</source>
        <translation>&amp;Gửi ngay (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="95" />
        <source>Send now</source>
        <translation>Gửi ngay</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="97" />
        <location filename="../../app/ui/sync_view.py" line="247" />
        <source>&amp;Pause (F10)</source>
        <translation>&amp;Tạm dừng (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="98" />
        <source>Pause or resume sending</source>
        <translation>Tạm dừng hoặc tiếp tục gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="100" />
        <source>&amp;Receipt… (Ctrl+I)</source>
        <translation>&amp;Biên nhận… (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="101" />
        <source>Show the receipt of the selected document</source>
        <translation>Xem biên nhận của hồ sơ đang chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="119" />
        <source>Document</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="120" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="121" />
        <source>Attempts</source>
        <translation>Số lần thử lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="122" />
        <source>Next try</source>
        <translation>Gửi lại lúc</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="123" />
        <source>Received by the repository</source>
        <translation>Kho nhận lúc</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="124" />
        <source>Last error</source>
        <translation>Lỗi gần nhất</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="128" />
        <source>Sending queue</source>
        <translation>Hàng đợi gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="155" />
        <source>No document is waiting to be sent.</source>
        <translation>Không có hồ sơ nào đang chờ gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="160" />
        <source>Everything approved has been delivered.</source>
        <translation>Mọi hồ sơ đã duyệt đều đã gửi đến kho dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="199" />
        <source>Speed: %1 KB/s · about %2 s left · %3 of %4 documents</source>
        <translation>Tốc độ: %1 KB/s · còn khoảng %2 giây · %3/%4 hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="229" />
        <location filename="../../app/ui/sync_view.py" line="241" />
        <source>Receipt</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="230" />
        <source>The central repository has not confirmed this document yet.</source>
        <translation>Kho dữ liệu trung tâm chưa xác nhận hồ sơ này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="234" />
        <source>Server id: %1
Result code: %2
SHA-256: %3
Received: %4
Station: %5</source>
        <translation>Mã lưu trữ: %1
Mã kết quả: %2
SHA-256: %3
Thời điểm nhận: %4
Trạm: %5</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_view.py" line="247" />
        <source>&amp;Resume (F10)</source>
        <translation>&amp;Tiếp tục (F10)</translation>
    </message>
</context>
<context>
    <name>TrashPanel</name>
    <message>
        <location filename="../../app/ui/capture_trash.py" line="21" />
        <source>Trash</source>
        <translation>Thùng rác</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_trash.py" line="34" />
        <source>Page %1 of the scan</source>
        <translation>Trang %1 của lượt quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_trash.py" line="37" />
        <source>&amp;Trash (%1): Enter or Ctrl+Shift+Z restores</source>
        <translation>Thùng &amp;rác (%1): Enter hoặc Ctrl+Shift+Z để khôi phục</translation>
    </message>
</context>
<context>
    <name>UnsavedDialog</name>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="126" />
        <location filename="../../app/ui/describe_unsaved.py" line="127" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="128" />
        <source>%1 has changes that are not saved.</source>
        <translation>%1 có thay đổi chưa được lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="130" />
        <source>They cannot be saved yet:</source>
        <translation>Chưa lưu được vì:</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="131" />
        <source>Stay to correct them, or discard the changes.</source>
        <translation>Hãy ở lại để sửa, hoặc bỏ các thay đổi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="133" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="133" />
        <source>Save the changes</source>
        <translation>Lưu các thay đổi</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="137" />
        <source>Correct the fields listed above first</source>
        <translation>Hãy sửa các trường nêu trên trước</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="139" />
        <source>&amp;Discard changes</source>
        <translation>&amp;Bỏ thay đổi</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="140" />
        <source>Discard the changes</source>
        <translation>Bỏ các thay đổi</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="144" />
        <source>S&amp;tay</source>
        <translation>Ở &amp;lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/describe_unsaved.py" line="144" />
        <source>Stay on this document</source>
        <translation>Ở lại tài liệu này</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../app/ui/update_notice.py" line="87" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="88" />
        <source>Check for &amp;updates</source>
        <translation>Kiểm tra &amp;cập nhật</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="89" />
        <source>Details…</source>
        <translation>Xem chi tiết…</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="90" />
        <location filename="../../app/ui/update_notice.py" line="91" />
        <source>Hide this notice</source>
        <translation>Ẩn thông báo này</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="96" />
        <source>New version %1 available (running %2). Ask the administrator to install the update.</source>
        <translation>Có phiên bản mới %1 (đang dùng %2). Hãy báo quản trị viên cài đặt bản cập nhật.</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="122" />
        <source>Checking for updates…</source>
        <translation>Đang kiểm tra cập nhật…</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="136" />
        <source>You are running the latest version (%1).</source>
        <translation>Đang dùng bản mới nhất (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/update_notice.py" line="146" />
        <source>Update check</source>
        <translation>Kiểm tra cập nhật</translation>
    </message>
</context>
</TS>