<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../app/ui/capture_view.py" line="50" />
        <location filename="../../app/ui/capture_view.py" line="142" />
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="51" />
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="53" />
        <source>Start scanning</source>
        <translation>Bắt đầu quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="54" />
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="56" />
        <source>Stop scanning</source>
        <translation>Dừng quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="61" />
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="70" />
        <source>Scanned pages</source>
        <translation>Các trang đã quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="73" />
        <source>Choose a scanner and press Scan (F5).</source>
        <translation>Chọn máy quét rồi bấm Quét (F5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="101" />
        <source>No scanner found. Check the cable and the driver.</source>
        <translation>Không tìm thấy máy quét. Kiểm tra cáp và trình điều khiển.</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="114" />
        <source>Scanning...</source>
        <translation>Đang quét...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="145" />
        <location filename="../../app/ui/capture_view.py" line="168" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="149" />
        <source>%1 pages scanned</source>
        <translation>Đã quét %1 trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="156" />
        <source>Cleaning pages...</source>
        <translation>Đang làm sạch trang...</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="164" />
        <source>%1 pages, %2 documents</source>
        <translation>%1 trang, %2 tài liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="170" />
        <source>Unreadable: rescan</source>
        <translation>Không đọc được: quét lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="172" />
        <source>Separator sheet</source>
        <translation>Tờ phân tách</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="174" />
        <source>Blank (kept)</source>
        <translation>Trang trắng (vẫn giữ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="175" />
        <source>Document %1</source>
        <translation>Tài liệu %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="183" />
        <source>too dark</source>
        <translation>quá tối</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="184" />
        <source>too light</source>
        <translation>quá nhạt</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="185" />
        <source>low contrast</source>
        <translation>độ tương phản thấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="186" />
        <source>blurred</source>
        <translation>bị mờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="187" />
        <source>below 200 dpi</source>
        <translation>dưới 200 dpi</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_view.py" line="188" />
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