<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../app/ui/capture_view.py" line="52" />
        <location filename="../../app/ui/capture_view.py" line="154" />
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="53" />
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="55" />
        <source>Start scanning</source>
        <translation>Bắt đầu quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="56" />
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="58" />
        <source>Stop scanning</source>
        <translation>Dừng quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="63" />
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="72" />
        <source>Scanned pages</source>
        <translation>Các trang đã quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="75" />
        <source>Choose a scanner and press Scan (F5).</source>
        <translation>Chọn máy quét rồi bấm Quét (F5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="103" />
        <source>No scanner found. Check the cable and the driver.</source>
        <translation>Không tìm thấy máy quét. Kiểm tra cáp và trình điều khiển.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="116" />
        <source>Scanning...</source>
        <translation>Đang quét...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="169" />
        <location filename="../../app/ui/capture_view.py" line="198" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="173" />
        <source>%1 pages scanned</source>
        <translation>Đã quét %1 trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="180" />
        <source>Reading the text of the pages...</source>
        <translation>Đang nhận dạng chữ trên các trang...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="192" />
        <source>%1 pages, %2 documents</source>
        <translation>%1 trang, %2 tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="200" />
        <source>Unreadable: rescan</source>
        <translation>Không đọc được: quét lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="202" />
        <source>Separator sheet</source>
        <translation>Tờ phân tách</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="204" />
        <source>Blank (kept)</source>
        <translation>Trang trắng (vẫn giữ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="207" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="215" />
        <source>too dark</source>
        <translation>quá tối</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="216" />
        <source>too light</source>
        <translation>quá nhạt</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="217" />
        <source>low contrast</source>
        <translation>độ tương phản thấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="218" />
        <source>blurred</source>
        <translation>bị mờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="219" />
        <source>below 200 dpi</source>
        <translation>dưới 200 dpi</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="220" />
        <source>paper cut off</source>
        <translation>giấy bị cắt mép</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="17" />
        <source>Digitisation Station</source>
        <translation>Trạm Số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="19" />
        <source>demo</source>
        <translation>bản trình diễn</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="24" />
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
</context>
</TS>