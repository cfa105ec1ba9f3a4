"""The explorer's interface words in Vietnamese and English.

Kept apart from app.py so a translator edits one table; graph vocabulary (node and edge type
names, instrument kinds, statuses) comes from the graph schema instead, never from here.
"""

from __future__ import annotations

LANGS = ("vi", "en")

_T: dict[str, tuple[str, str]] = {   # key: (vi, en)
    "app_title": ("Đồ thị văn bản chính sách", "Policy document graph"),
    "app_caption": ("Văn bản, cơ quan, nhân sự và sự kiện trích từ bài viết; mỗi liên kết kèm câu nguồn.",
                    "Instruments, agencies, people and events found in articles; every link shows its sentence."),
    "language": ("Ngôn ngữ", "Language"),
    "views": ("Trang", "Views"),
    "search": ("Tìm kiếm", "Search"),
    "search_placeholder": ("vd. Chỉ thị 39, Bộ Nội vụ, Dang Hoang Oanh", "e.g. Directive 39, Bộ Nội vụ, Dang Hoang Oanh"),
    "change_entity": ("Chọn thực thể khác…", "Pick another entity…"),
    "no_hits": ("Không tìm thấy.", "Nothing found."),
    # views
    "overview": ("Tổng quan", "Overview"),
    "entity": ("Thực thể", "Entity"),
    "network": ("Mạng liên kết", "Network"),
    "lineage": ("Phả hệ văn bản", "Lineage"),
    "path": ("Đường nối", "Path"),
    "timeline": ("Dòng thời gian", "Timeline"),
    "career": ("Quá trình công tác", "Career"),
    "agency": ("Cơ quan", "Agency"),
    "ask": ("Hỏi đáp", "Ask"),
    "add": ("Thêm tài liệu", "Add documents"),
    # overview
    "graph_holds": ("Đồ thị hiện có", "What the graph holds"),
    "sources": ("Bài nguồn", "Sources"),
    "links": ("Liên kết", "Links"),
    "date_span": ("Khoảng thời gian", "Date span"),
    "top_instruments": ("Văn bản được liên kết nhiều nhất", "Most-linked instruments"),
    "top_agencies": ("Cơ quan được liên kết nhiều nhất", "Most-linked agencies"),
    "top_people": ("Nhân sự được liên kết nhiều nhất", "Most-linked people"),
    "latest_events": ("Sự kiện gần nhất", "Latest events"),
    "conflicts": ("Thuộc tính mâu thuẫn giữa các nguồn", "Attributes the sources disagree on"),
    "empty_graph": ("Đồ thị đang trống: hãy thêm tài liệu.", "The graph is empty: add documents."),
    # entity
    "pick_entity": ("Chọn một thực thể bằng ô tìm kiếm.", "Pick an entity with the search box."),
    "not_found": ("Không có thực thể này trong đồ thị: {ref}", "No such entity in the graph: {ref}"),
    "attributes": ("Thuộc tính", "Attributes"),
    "aliases": ("Tên gọi khác", "Aliases"),
    "attr_number": ("Số hiệu", "Number"),
    "attr_name": ("Tên", "Name"),
    "attr_kind": ("Loại", "Kind"),
    "attr_issued": ("Ngày ban hành", "Issued"),
    "attr_date": ("Ngày", "Date"),
    "attr_issuer": ("Cơ quan ban hành", "Issuer"),
    "attr_subject": ("Trích yếu", "Subject"),
    "attr_name_en": ("Tên tiếng Anh", "English name"),
    "attr_abbrev": ("Viết tắt", "Abbreviation"),
    "attr_parent": ("Cơ quan cấp trên", "Parent body"),
    "attr_title": ("Tiêu đề", "Title"),
    "attr_author": ("Tác giả", "Author"),
    "attr_url": ("Địa chỉ", "URL"),
    "attr_year_explicit": ("Năm ghi rõ", "Year stated"),
    "posts": ("Chức vụ", "Posts"),
    "units": ("Đơn vị trực thuộc", "Units"),
    "parent": ("Cơ quan cấp trên", "Parent body"),
    "leaders": ("Lãnh đạo", "Leaders"),
    "linked": ("Liên kết", "Linked"),
    "evidence": ("Câu nguồn", "Evidence"),
    "source_articles": ("Bài nguồn", "Source articles"),
    "status": ("Tình trạng", "Status"),
    "open_network": ("Mạng liên kết", "Network"),
    "open_lineage": ("Phả hệ", "Lineage"),
    "open_career": ("Quá trình công tác", "Career"),
    "open_agency": ("Trang cơ quan", "Agency page"),
    "open_timeline": ("Dòng thời gian", "Timeline"),
    "open_page": ("Mở trang", "Open page"),
    "issued_instruments": ("Văn bản ban hành", "Instruments issued"),
    "events": ("Sự kiện", "Events"),
    "no_date": ("không rõ ngày", "no date"),
    "conflict_note": ("Các nguồn ghi khác nhau: {values}", "Sources disagree: {values}"),
    # network
    "depth": ("Độ sâu", "Depth"),
    "node_types": ("Loại nút", "Node types"),
    "years": ("Năm", "Years"),
    "network_caption": ("{nodes} nút, {edges} liên kết. Rê chuột để xem chi tiết; bấm vào một nút để mở trang của nó.",
                        "{nodes} nodes, {edges} links. Hover for details; click a node to open its page."),
    "network_truncated": ("Mạng quá lớn: chỉ lấy {limit} nút đầu tiên theo khoảng cách. Hãy giảm độ sâu hoặc thu hẹp bộ lọc.",
                          "Too large: only the {limit} nearest nodes were collected. Lower the depth or narrow the filters."),
    "network_only_center": ("Không có liên kết nào khớp bộ lọc.", "No links match the filters."),
    # lineage
    "lineage_of": ("Phả hệ của {label}", "Lineage of {label}"),
    "not_instrument": ("Phả hệ chỉ áp dụng cho văn bản. Hãy chọn một văn bản.",
                       "Lineage is for instruments. Pick an instrument."),
    "no_lineage": ("Đồ thị chưa biết văn bản tiền nhiệm hay kế nhiệm nào của văn bản này.",
                   "The graph knows no predecessor or successor of this instrument."),
    "ancestor": ("tiền nhiệm", "predecessor"),
    "self": ("văn bản đang xem", "this instrument"),
    "descendant": ("kế nhiệm", "successor"),
    "links_with_evidence": ("Các liên kết và câu nguồn", "Links and their sentences"),
    # path
    "from_entity": ("Từ", "From"),
    "to_entity": ("Đến", "To"),
    "no_path": ("Không có đường nối trong đồ thị.", "No path in the graph."),
    "path_n": ("Đường {n}: {hops} bước", "Path {n}: {hops} hops"),
    "pick_two": ("Chọn hai thực thể.", "Pick two entities."),
    # timeline
    "timeline_types": ("Hiển thị", "Show"),
    "undated": ("Sự kiện không rõ năm", "Events without a year"),
    "date": ("Ngày", "Date"),
    "what": ("Loại", "What"),
    "item": ("Mục", "Item"),
    "type": ("Loại nút", "Type"),
    "involving": ("Liên quan", "Involving"),
    "nothing_dated": ("Không có mục nào có ngày trong khoảng này.", "Nothing dated in this range."),
    # career / agency
    "not_person": ("Hãy chọn một người.", "Pick a person."),
    "not_agency": ("Hãy chọn một cơ quan.", "Pick an agency."),
    "title": ("Chức vụ", "Post"),
    "at_agency": ("Cơ quan", "Agency"),
    "as_of": ("Thời điểm", "As of"),
    "no_posts": ("Chưa có chức vụ nào được ghi nhận.", "No posts recorded."),
    "none": ("Không có.", "None."),
    # ask
    "ask_label": ("Đặt câu hỏi (tiếng Việt hoặc tiếng Anh, có hoặc không dấu)",
                  "Ask a question (Vietnamese or English, with or without diacritics)"),
    "ask_placeholder": ("vd. Chỉ thị 39 kế thừa chỉ thị nào", "e.g. what implements 27-NQ/TW"),
    "examples": ("Ví dụ", "Examples"),
    "query_ran": ("Truy vấn đã chạy", "Query run"),
    "not_understood": ("Chưa hiểu câu hỏi.", "The question was not understood."),
    # add documents
    "upload": ("Tải lên tệp (.txt, .md, .html, .docx, .pdf, .jsonl)", "Upload files (.txt, .md, .html, .docx, .pdf, .jsonl)"),
    "folder": ("Hoặc đường dẫn thư mục trên máy chủ", "Or a folder on the server"),
    "ingest": ("Nạp vào đồ thị", "Ingest"),
    "ingesting": ("Đang nạp {file}…", "Ingesting {file}…"),
    "ingest_done": ("Xong: {added} tệp mới, {replaced} cập nhật, {unchanged} không đổi, {refused} bị từ chối.",
                    "Done: {added} added, {replaced} replaced, {unchanged} unchanged, {refused} refused."),
    "nothing_to_ingest": ("Chưa chọn tệp hay thư mục nào.", "No file or folder given."),
    "building": ("Lần chạy đầu: đang dựng đồ thị từ bộ dữ liệu mẫu…", "First start: building the graph from the sample corpus…"),
}


def t(key: str, lang: str, **fmt: object) -> str:
    """The interface text ``key`` in ``lang`` (English for an unknown language)."""
    vi, en = _T[key]
    text = vi if lang == "vi" else en
    return text.format(**fmt) if fmt else text
