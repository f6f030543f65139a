BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0014');
CREATE TABLE calendar_day (
	day DATE NOT NULL, 
	off BOOLEAN NOT NULL, 
	note VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (day)
);
INSERT INTO "calendar_day" VALUES('2025-01-25',0,'làm bù','2026-12-04 22:25:50.138252');
CREATE TABLE change_log (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	at DATETIME NOT NULL, 
	actor VARCHAR(200) NOT NULL, 
	action VARCHAR(64) NOT NULL, 
	entity VARCHAR(64) NOT NULL, 
	entity_id INTEGER, 
	"before" VARCHAR, 
	"after" VARCHAR, 
	undone_by INTEGER, 
	directive_id INTEGER
);
INSERT INTO "change_log" VALUES(1,'2026-12-04 22:22:23.508346','Chuyên viên A','create','unit',1,NULL,'{"id": 1, "code": "VPTU", "code_key": "vptu", "name": "Văn phòng Tỉnh ủy", "name_key": "van phong tinh uy", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:23.493059+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(2,'2026-12-04 22:22:23.508346','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"code": "VPTU", "name": "Văn phòng Tỉnh ủy", "alias": [], "fmt": "table"}, "rows": [1, 1], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(3,'2026-12-04 22:22:25.854044','Chuyên viên A','create','unit',2,NULL,'{"id": 2, "code": "BTC", "code_key": "btc", "name": "Ban Tổ chức Tỉnh ủy", "name_key": "ban to chuc tinh uy", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:25.836919+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(4,'2026-12-04 22:22:25.854044','Chuyên viên A','create','unit_alias',1,NULL,'{"id": 1, "unit_id": 2, "alias": "Ban TC", "alias_key": "ban tc"}',NULL,NULL);
INSERT INTO "change_log" VALUES(5,'2026-12-04 22:22:25.854044','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"alias": ["Ban TC"], "code": "BTC", "name": "Ban Tổ chức Tỉnh ủy", "fmt": "table"}, "rows": [3, 4], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(6,'2026-12-04 22:22:28.672285','Chuyên viên A','create','unit',3,NULL,'{"id": 3, "code": "STC", "code_key": "stc", "name": "Sở Tài chính", "name_key": "so tai chinh", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:28.669559+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(7,'2026-12-04 22:22:28.672285','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"code": "STC", "name": "Sở Tài chính", "alias": [], "fmt": "table"}, "rows": [6, 6], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(8,'2026-12-04 22:22:32.650564','Chuyên viên A','create','unit',4,NULL,'{"id": 4, "code": "PTH", "code_key": "pth", "name": "Phòng Tổng hợp", "name_key": "phong tong hop", "parent_id": 1, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:32.636039+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(9,'2026-12-04 22:22:32.650564','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"parent": "VPTU", "code": "PTH", "name": "Phòng Tổng hợp", "alias": [], "fmt": "table"}, "rows": [8, 8], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(10,'2026-12-04 22:22:36.719983','Chuyên viên A','create','unit',5,NULL,'{"id": 5, "code": "SKH", "code_key": "skh", "name": "Sở Kế hoạch và Đầu tư", "name_key": "so ke hoach va dau tu", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:36.634343+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(11,'2026-12-04 22:22:36.719983','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"code": "SKH", "name": "Sở Kế hoạch và Đầu tư ", "alias": [], "fmt": "table"}, "rows": [10, 10], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(12,'2026-12-04 22:22:41.100802','Chuyên viên A','create','unit',6,NULL,'{"id": 6, "code": "SXD", "code_key": "sxd", "name": "Sở Xây dựng", "name_key": "so xay dung", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:41.045123+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(13,'2026-12-04 22:22:41.100802','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"code": "SXD", "name": "Sở Xây dựng", "alias": [], "fmt": "table"}, "rows": [12, 12], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(14,'2026-12-04 22:22:45.437355','Chuyên viên A','create','unit_alias',2,NULL,'{"id": 2, "unit_id": 3, "alias": "Sở TC", "alias_key": "so tc"}',NULL,NULL);
INSERT INTO "change_log" VALUES(15,'2026-12-04 22:22:45.437355','Chuyên viên A','unit alias','command',NULL,NULL,'{"params": {"unit": "STC", "alias": "Sở TC"}, "rows": [14, 14], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(16,'2026-12-04 22:22:50.216379','Chuyên viên A','create','meeting',1,NULL,'{"id": 1, "date": "2024-01-15", "title": "Giao ban quý I năm 2024", "kind": "briefing", "chair": "Nguyễn Văn Á", "chair_title": "Phó Bí thư", "doc": "12-TB/VPTU", "note": "Họp tại hội trường", "key": null, "created_at": "2026-12-04T22:22:50.162666+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(17,'2026-12-04 22:22:50.216379','Chuyên viên A','create','meeting_attendee',NULL,NULL,'{"meeting_id": 1, "unit_id": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(18,'2026-12-04 22:22:50.216379','Chuyên viên A','create','meeting_attendee',NULL,NULL,'{"meeting_id": 1, "unit_id": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(19,'2026-12-04 22:22:50.216379','Chuyên viên A','add-meeting','command',NULL,NULL,'{"params": {"on": "2024-01-15", "title": "Giao ban quý I năm 2024", "chair": "Nguyễn Văn Á", "chair_title": "Phó Bí thư", "attendee": ["VPTU", "BTC"], "doc": "12-TB/VPTU", "kind": "briefing", "note": "Họp tại hội trường", "fmt": "table"}, "rows": [16, 18], "count": 3}',NULL,NULL);
INSERT INTO "change_log" VALUES(20,'2026-12-04 22:22:54.322513','Chuyên viên A','create','meeting',2,NULL,'{"id": 2, "date": "2024-04-15", "title": "Hội nghị sơ kết 6 tháng", "kind": "working-session", "chair": null, "chair_title": null, "doc": null, "note": null, "key": null, "created_at": "2026-12-04T22:22:54.273479+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(21,'2026-12-04 22:22:54.322513','Chuyên viên A','create','meeting_attendee',NULL,NULL,'{"meeting_id": 2, "unit_id": 3}',NULL,NULL);
INSERT INTO "change_log" VALUES(22,'2026-12-04 22:22:54.322513','Chuyên viên A','add-meeting','command',NULL,NULL,'{"params": {"on": "15/4/2024", "title": "Hội nghị sơ kết 6 tháng", "attendee": ["STC"], "kind": "working-session", "fmt": "table"}, "rows": [20, 21], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(23,'2026-12-04 22:22:58.445831','Chuyên viên A','create','meeting',3,NULL,'{"id": 3, "date": "2024-07-10", "title": "Làm việc với Sở Tài chính", "kind": "working-session", "chair": null, "chair_title": null, "doc": null, "note": null, "key": null, "created_at": "2026-12-04T22:22:58.414707+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(24,'2026-12-04 22:22:58.445831','Chuyên viên A','add-meeting','command',NULL,NULL,'{"params": {"on": "2024-07-10", "title": "Làm việc với Sở Tài chính", "kind": "working-session", "attendee": [], "fmt": "table"}, "rows": [23, 23], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(25,'2026-12-04 22:23:03.071871','Chuyên viên A','create','meeting',4,NULL,'{"id": 4, "date": "2025-02-03", "title": "Giao ban đầu năm 2025", "kind": "review", "chair": null, "chair_title": null, "doc": null, "note": null, "key": null, "created_at": "2026-12-04T22:23:03.069160+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(26,'2026-12-04 22:23:03.071871','Chuyên viên A','add-meeting','command',NULL,NULL,'{"params": {"on": "2025-02-03", "title": "Giao ban đầu năm 2025", "kind": "review", "attendee": [], "fmt": "table"}, "rows": [25, 25], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(27,'2026-12-04 22:23:06.989558','Chuyên viên A','create','directive',1,NULL,'{"id": 1, "meeting_id": 1, "unit_id": 2, "text": "Rà soát, bổ sung quy hoạch cán bộ", "original_due": "2024-03-31", "due_text": "2024-03-31", "product": "Báo cáo", "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:06.925674+00:00", "withdrawn_on": null, "field_id": null}',NULL,1);
INSERT INTO "change_log" VALUES(28,'2026-12-04 22:23:06.989558','Chuyên viên A','create','directive_coordinator',NULL,NULL,'{"directive_id": 1, "unit_id": 1}',NULL,1);
INSERT INTO "change_log" VALUES(29,'2026-12-04 22:23:06.989558','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["BTC"], "due": "2024-03-31", "with_": ["VPTU"], "product": "Báo cáo", "meeting_id": 1, "text": "Rà soát, bổ sung quy hoạch cán bộ", "fmt": "table"}, "rows": [27, 28], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(30,'2026-12-04 22:23:12.768400','Chuyên viên A','create','directive',2,NULL,'{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}',NULL,2);
INSERT INTO "change_log" VALUES(31,'2026-12-04 22:23:12.768400','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["STC"], "due": "2024-02-28", "meeting_id": 1, "text": "Báo cáo quyết toán ngân sách 2023", "with_": [], "fmt": "table"}, "rows": [30, 30], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(32,'2026-12-04 22:23:18.062188','Chuyên viên A','create','directive',3,NULL,'{"id": 3, "meeting_id": 1, "unit_id": 1, "text": "Chuẩn bị nội dung hội nghị", "original_due": "2024-06-30", "due_text": "quý II/2024", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:18.009241+00:00", "withdrawn_on": null, "field_id": null}',NULL,3);
INSERT INTO "change_log" VALUES(33,'2026-12-04 22:23:18.062188','Chuyên viên A','create','directive',4,NULL,'{"id": 4, "meeting_id": 1, "unit_id": 2, "text": "Chuẩn bị nội dung hội nghị", "original_due": "2024-06-30", "due_text": "quý II/2024", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:18.060898+00:00", "withdrawn_on": null, "field_id": null}',NULL,4);
INSERT INTO "change_log" VALUES(34,'2026-12-04 22:23:18.062188','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"attendees": true, "due": "quý II/2024", "meeting_id": 1, "text": "Chuẩn bị nội dung hội nghị", "unit": [], "with_": [], "fmt": "table"}, "rows": [32, 33], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(35,'2026-12-04 22:23:23.980316','Chuyên viên A','create','directive',5,NULL,'{"id": 5, "meeting_id": 2, "unit_id": 4, "text": "Tổng hợp ý kiến của các sở, ngành", "original_due": "2024-06-30", "due_text": "tháng 6/2024", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:23.928333+00:00", "withdrawn_on": null, "field_id": null}',NULL,5);
INSERT INTO "change_log" VALUES(36,'2026-12-04 22:23:23.980316','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["PTH"], "due": "tháng 6/2024", "meeting_id": 2, "text": "Tổng hợp ý kiến của các sở, ngành", "with_": [], "fmt": "table"}, "rows": [35, 35], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(37,'2026-12-04 22:23:28.882075','Chuyên viên A','create','directive',6,NULL,'{"id": 6, "meeting_id": 2, "unit_id": 5, "text": "Xây dựng kế hoạch đầu tư công trung hạn", "original_due": "2024-12-31", "due_text": "2024-12-31", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:28.814767+00:00", "withdrawn_on": null, "field_id": null}',NULL,6);
INSERT INTO "change_log" VALUES(38,'2026-12-04 22:23:28.882075','Chuyên viên A','create','directive_coordinator',NULL,NULL,'{"directive_id": 6, "unit_id": 3}',NULL,6);
INSERT INTO "change_log" VALUES(39,'2026-12-04 22:23:28.882075','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["SKH"], "due": "2024-12-31", "with_": ["STC"], "meeting_id": 2, "text": "Xây dựng kế hoạch đầu tư công trung hạn", "fmt": "table"}, "rows": [37, 38], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(40,'2026-12-04 22:23:33.453811','Chuyên viên A','create','directive',7,NULL,'{"id": 7, "meeting_id": 3, "unit_id": 1, "text": "Theo dõi chung", "original_due": null, "due_text": null, "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:33.429474+00:00", "withdrawn_on": null, "field_id": null}',NULL,7);
INSERT INTO "change_log" VALUES(41,'2026-12-04 22:23:33.453811','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["VPTU"], "meeting_id": 3, "text": "Theo dõi chung", "with_": [], "fmt": "table"}, "rows": [40, 40], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(42,'2026-12-04 22:23:38.756195','Chuyên viên A','create','directive',8,NULL,'{"id": 8, "meeting_id": 3, "unit_id": 3, "text": "Đề xuất phương án bố trí vốn", "original_due": "2024-09-15", "due_text": "2024-09-15", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:38.741077+00:00", "withdrawn_on": null, "field_id": null}',NULL,8);
INSERT INTO "change_log" VALUES(43,'2026-12-04 22:23:38.756195','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["Sở TC"], "due": "2024-09-15", "meeting_id": 3, "text": "Đề xuất phương án bố trí vốn", "with_": [], "fmt": "table"}, "rows": [42, 42], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(44,'2026-12-04 22:23:45.339743','Chuyên viên A','create','directive',9,NULL,'{"id": 9, "meeting_id": 4, "unit_id": 2, "text": "Triển khai chương trình công tác năm 2025", "original_due": "2025-03-31", "due_text": "2025-03-31", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:45.296744+00:00", "withdrawn_on": null, "field_id": null}',NULL,9);
INSERT INTO "change_log" VALUES(45,'2026-12-04 22:23:45.339743','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["BTC"], "due": "2025-03-31", "meeting_id": 4, "text": "Triển khai chương trình công tác năm 2025", "with_": [], "fmt": "table"}, "rows": [44, 44], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(46,'2026-12-04 22:23:51.037261','Chuyên viên A','create','directive',10,NULL,'{"id": 10, "meeting_id": 4, "unit_id": 5, "text": "Hoàn thiện đề án sắp xếp đơn vị hành chính", "original_due": "2025-06-30", "due_text": "2025-06-30", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:50.976594+00:00", "withdrawn_on": null, "field_id": null}',NULL,10);
INSERT INTO "change_log" VALUES(47,'2026-12-04 22:23:51.037261','Chuyên viên A','create','directive_coordinator',NULL,NULL,'{"directive_id": 10, "unit_id": 6}',NULL,10);
INSERT INTO "change_log" VALUES(48,'2026-12-04 22:23:51.037261','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["SKH"], "due": "2025-06-30", "with_": ["SXD"], "meeting_id": 4, "text": "Hoàn thiện đề án sắp xếp đơn vị hành chính", "fmt": "table"}, "rows": [46, 47], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(49,'2026-12-04 22:23:55.346072','Chuyên viên A','create','directive',11,NULL,'{"id": 11, "meeting_id": 4, "unit_id": 6, "text": "Kiểm tra công trình trọng điểm", "original_due": "2025-02-20", "due_text": "2025-02-20", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:55.322842+00:00", "withdrawn_on": null, "field_id": null}',NULL,11);
INSERT INTO "change_log" VALUES(50,'2026-12-04 22:23:55.346072','Chuyên viên A','assign','command',NULL,NULL,'{"params": {"unit": ["SXD"], "due": "2025-02-20", "meeting_id": 4, "text": "Kiểm tra công trình trọng điểm", "with_": [], "fmt": "table"}, "rows": [49, 49], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(51,'2026-12-04 22:23:59.832253','Chuyên viên A','update','directive',1,'{"id": 1, "meeting_id": 1, "unit_id": 2, "text": "Rà soát, bổ sung quy hoạch cán bộ", "original_due": "2024-03-31", "due_text": "2024-03-31", "product": "Báo cáo", "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:06.925674+00:00", "withdrawn_on": null, "field_id": null}','{"id": 1, "meeting_id": 1, "unit_id": 2, "text": "Rà soát, bổ sung quy hoạch cán bộ", "original_due": "2024-03-31", "due_text": "2024-03-31", "product": "Báo cáo", "key": null, "completed_on": "2024-03-20", "completed_on_exact": true, "completion_note": "Báo cáo số 45-BC/BTC", "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:06.925674+00:00", "withdrawn_on": null, "field_id": null}',NULL,1);
INSERT INTO "change_log" VALUES(52,'2026-12-04 22:23:59.832253','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2024-03-20", "note": "Báo cáo số 45-BC/BTC", "directive_id": 1}, "rows": [51, 51], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(53,'2026-12-04 22:24:05.222204','Chuyên viên A','update','directive',2,'{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}','{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": "2024-03-10", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}',NULL,2);
INSERT INTO "change_log" VALUES(54,'2026-12-04 22:24:05.222204','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2024-03-10", "directive_id": 2}, "rows": [53, 53], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(55,'2026-12-04 22:24:09.251686','Chuyên viên A','create','extension',1,NULL,'{"id": 1, "directive_id": 3, "approved_on": "2024-06-20", "new_due": "2024-09-30", "due_text": "2024-09-30", "reason": "Công văn 77-CV/VPTU", "created_at": "2026-12-04T22:24:09.236641+00:00"}',NULL,3);
INSERT INTO "change_log" VALUES(56,'2026-12-04 22:24:09.251686','Chuyên viên A','extend','command',NULL,NULL,'{"params": {"to": "2024-09-30", "reason": "Công văn 77-CV/VPTU", "on": "2024-06-20", "directive_id": 3}, "rows": [55, 55], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(57,'2026-12-04 22:24:12.671315','Chuyên viên A','update','directive',3,'{"id": 3, "meeting_id": 1, "unit_id": 1, "text": "Chuẩn bị nội dung hội nghị", "original_due": "2024-06-30", "due_text": "quý II/2024", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:18.009241+00:00", "withdrawn_on": null, "field_id": null}','{"id": 3, "meeting_id": 1, "unit_id": 1, "text": "Chuẩn bị nội dung hội nghị", "original_due": "2024-06-30", "due_text": "quý II/2024", "product": null, "key": null, "completed_on": "2024-08-01", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:18.009241+00:00", "withdrawn_on": null, "field_id": null}',NULL,3);
INSERT INTO "change_log" VALUES(58,'2026-12-04 22:24:12.671315','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2024-08-01", "directive_id": 3}, "rows": [57, 57], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(59,'2026-12-04 22:24:16.117800','Chuyên viên A','update','directive',4,'{"id": 4, "meeting_id": 1, "unit_id": 2, "text": "Chuẩn bị nội dung hội nghị", "original_due": "2024-06-30", "due_text": "quý II/2024", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:18.060898+00:00", "withdrawn_on": null, "field_id": null}','{"id": 4, "meeting_id": 1, "unit_id": 2, "text": "Chuẩn bị nội dung hội nghị", "original_due": "2024-06-30", "due_text": "quý II/2024", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": "2024-05-01", "cancel_reason": "Không còn phù hợp", "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:18.060898+00:00", "withdrawn_on": null, "field_id": null}',NULL,4);
INSERT INTO "change_log" VALUES(60,'2026-12-04 22:24:16.117800','Chuyên viên A','cancel','command',NULL,NULL,'{"params": {"reason": "Không còn phù hợp", "on": "2024-05-01", "directive_id": 4}, "rows": [59, 59], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(61,'2026-12-04 22:24:21.427375','Chuyên viên A','create','progress_entry',1,NULL,'{"id": 1, "directive_id": 5, "reported_on": "2024-05-10", "percent": 50, "note": "Đã tổng hợp 10/20 sở", "created_at": "2026-12-04T22:24:21.390200+00:00"}',NULL,5);
INSERT INTO "change_log" VALUES(62,'2026-12-04 22:24:21.427375','Chuyên viên A','progress','command',NULL,NULL,'{"params": {"percent": 50, "note": "Đã tổng hợp 10/20 sở", "on": "2024-05-10", "directive_id": 5}, "rows": [61, 61], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(63,'2026-12-04 22:24:26.889572','Chuyên viên A','create','progress_entry',2,NULL,'{"id": 2, "directive_id": 5, "reported_on": "2024-07-01", "percent": null, "note": "Chờ ý kiến Sở Tư pháp", "created_at": "2026-12-04T22:24:26.854838+00:00"}',NULL,5);
INSERT INTO "change_log" VALUES(64,'2026-12-04 22:24:26.889572','Chuyên viên A','progress','command',NULL,NULL,'{"params": {"note": "Chờ ý kiến Sở Tư pháp", "on": "2024-07-01", "directive_id": 5}, "rows": [63, 63], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(65,'2026-12-04 22:24:31.690888','Chuyên viên A','update','directive',6,'{"id": 6, "meeting_id": 2, "unit_id": 5, "text": "Xây dựng kế hoạch đầu tư công trung hạn", "original_due": "2024-12-31", "due_text": "2024-12-31", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:28.814767+00:00", "withdrawn_on": null, "field_id": null}','{"id": 6, "meeting_id": 2, "unit_id": 5, "text": "Xây dựng kế hoạch đầu tư công trung hạn", "original_due": "2024-12-31", "due_text": "2024-12-31", "product": null, "key": null, "completed_on": "2024-11-11", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:28.814767+00:00", "withdrawn_on": null, "field_id": null}',NULL,6);
INSERT INTO "change_log" VALUES(66,'2026-12-04 22:24:31.690888','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2024-11-11", "directive_id": 6}, "rows": [65, 65], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(67,'2026-12-04 22:24:35.618272','Chuyên viên A','create','extension',2,NULL,'{"id": 2, "directive_id": 8, "approved_on": "2024-09-10", "new_due": "2024-12-15", "due_text": "2024-12-15", "reason": "Chờ số liệu", "created_at": "2026-12-04T22:24:35.615810+00:00"}',NULL,8);
INSERT INTO "change_log" VALUES(68,'2026-12-04 22:24:35.618272','Chuyên viên A','extend','command',NULL,NULL,'{"params": {"to": "2024-12-15", "reason": "Chờ số liệu", "on": "2024-09-10", "directive_id": 8}, "rows": [67, 67], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(69,'2026-12-04 22:24:40.125905','Chuyên viên A','create','extension',3,NULL,'{"id": 3, "directive_id": 8, "approved_on": "2024-12-10", "new_due": "2025-03-31", "due_text": "2025-03-31", "reason": "Lần 2", "created_at": "2026-12-04T22:24:40.124541+00:00"}',NULL,8);
INSERT INTO "change_log" VALUES(70,'2026-12-04 22:24:40.125905','Chuyên viên A','extend','command',NULL,NULL,'{"params": {"to": "2025-03-31", "reason": "Lần 2", "on": "2024-12-10", "directive_id": 8}, "rows": [69, 69], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(71,'2026-12-04 22:24:45.908646','Chuyên viên A','update','directive',8,'{"id": 8, "meeting_id": 3, "unit_id": 3, "text": "Đề xuất phương án bố trí vốn", "original_due": "2024-09-15", "due_text": "2024-09-15", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:38.741077+00:00", "withdrawn_on": null, "field_id": null}','{"id": 8, "meeting_id": 3, "unit_id": 3, "text": "Đề xuất phương án bố trí vốn", "original_due": "2024-09-15", "due_text": "2024-09-15", "product": null, "key": null, "completed_on": "2025-04-02", "completed_on_exact": true, "completion_note": "Tờ trình số 9", "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:38.741077+00:00", "withdrawn_on": null, "field_id": null}',NULL,8);
INSERT INTO "change_log" VALUES(72,'2026-12-04 22:24:45.908646','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2025-04-02", "note": "Tờ trình số 9", "directive_id": 8}, "rows": [71, 71], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(73,'2026-12-04 22:24:51.321899','Chuyên viên A','create','progress_entry',3,NULL,'{"id": 3, "directive_id": 9, "reported_on": "2025-02-20", "percent": 30, "note": null, "created_at": "2026-12-04T22:24:51.273355+00:00"}',NULL,9);
INSERT INTO "change_log" VALUES(74,'2026-12-04 22:24:51.321899','Chuyên viên A','progress','command',NULL,NULL,'{"params": {"percent": 30, "on": "2025-02-20", "directive_id": 9}, "rows": [73, 73], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(75,'2026-12-04 22:24:57.840035','Chuyên viên A','update','directive',11,'{"id": 11, "meeting_id": 4, "unit_id": 6, "text": "Kiểm tra công trình trọng điểm", "original_due": "2025-02-20", "due_text": "2025-02-20", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:55.322842+00:00", "withdrawn_on": null, "field_id": null}','{"id": 11, "meeting_id": 4, "unit_id": 6, "text": "Kiểm tra công trình trọng điểm", "original_due": "2025-02-20", "due_text": "2025-02-20", "product": null, "key": null, "completed_on": "2025-02-18", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:55.322842+00:00", "withdrawn_on": null, "field_id": null}',NULL,11);
INSERT INTO "change_log" VALUES(76,'2026-12-04 22:24:57.840035','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2025-02-18", "directive_id": 11}, "rows": [75, 75], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(77,'2026-12-04 22:25:03.627901','Chuyên viên A','create','limitation',1,NULL,'{"id": 1, "meeting_id": 1, "unit_id": 3, "text": "Chậm gửi báo cáo định kỳ", "text_key": "cham gui bao cao dinh ky", "category": "timeliness", "resolved_on": null, "resolve_note": null, "repeat_of_id": null, "created_at": "2026-12-04T22:25:03.501292+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(78,'2026-12-04 22:25:03.627901','Chuyên viên A','add-limitation','command',NULL,NULL,'{"params": {"unit": "STC", "category": "timeliness", "meeting_id": 1, "text": "Chậm gửi báo cáo định kỳ", "fmt": "table"}, "rows": [77, 77], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(79,'2026-12-04 22:25:09.129366','Chuyên viên A','create','limitation',2,NULL,'{"id": 2, "meeting_id": 2, "unit_id": 4, "text": "Thiếu cán bộ chuyên môn", "text_key": "thieu can bo chuyen mon", "category": "staffing", "resolved_on": null, "resolve_note": null, "repeat_of_id": null, "created_at": "2026-12-04T22:25:08.947473+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(80,'2026-12-04 22:25:09.129366','Chuyên viên A','add-limitation','command',NULL,NULL,'{"params": {"unit": "PTH", "category": "staffing", "meeting_id": 2, "text": "Thiếu cán bộ chuyên môn", "fmt": "table"}, "rows": [79, 79], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(81,'2026-12-04 22:25:15.608288','Chuyên viên A','create','limitation',3,NULL,'{"id": 3, "meeting_id": 4, "unit_id": 5, "text": "Phối hợp chưa chặt chẽ", "text_key": "phoi hop chua chat che", "category": "coordination", "resolved_on": null, "resolve_note": null, "repeat_of_id": null, "created_at": "2026-12-04T22:25:15.334102+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(82,'2026-12-04 22:25:15.608288','Chuyên viên A','add-limitation','command',NULL,NULL,'{"params": {"unit": "SKH", "category": "coordination", "meeting_id": 4, "text": "Phối hợp chưa chặt chẽ", "fmt": "table"}, "rows": [81, 81], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(83,'2026-12-04 22:25:21.952994','Chuyên viên A','update','limitation',1,'{"id": 1, "meeting_id": 1, "unit_id": 3, "text": "Chậm gửi báo cáo định kỳ", "text_key": "cham gui bao cao dinh ky", "category": "timeliness", "resolved_on": null, "resolve_note": null, "repeat_of_id": null, "created_at": "2026-12-04T22:25:03.501292+00:00"}','{"id": 1, "meeting_id": 1, "unit_id": 3, "text": "Chậm gửi báo cáo định kỳ", "text_key": "cham gui bao cao dinh ky", "category": "timeliness", "resolved_on": "2024-06-01", "resolve_note": "Đã khắc phục", "repeat_of_id": null, "created_at": "2026-12-04T22:25:03.501292+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(84,'2026-12-04 22:25:21.952994','Chuyên viên A','resolve','command',NULL,NULL,'{"params": {"on": "2024-06-01", "note": "Đã khắc phục", "limitation_id": 1}, "rows": [83, 83], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(85,'2026-12-04 22:25:28.577068','Chuyên viên A','directive.move','directive',10,'{"unit_id": 5, "unit": "SKH"}','{"unit_id": 3, "unit": "STC", "on": "2025-03-01"}',NULL,NULL);
INSERT INTO "change_log" VALUES(86,'2026-12-04 22:25:28.682074','Chuyên viên A','unit.retire','unit',5,'{"retired_on": null, "successor_id": null}','{"retired_on": "2025-03-01", "successor_id": 3, "moved": [10]}',NULL,NULL);
INSERT INTO "change_log" VALUES(87,'2026-12-04 22:25:28.824110','Chuyên viên A','update','unit',5,'{"id": 5, "code": "SKH", "code_key": "skh", "name": "Sở Kế hoạch và Đầu tư", "name_key": "so ke hoach va dau tu", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:36.634343+00:00"}','{"id": 5, "code": "SKH", "code_key": "skh", "name": "Sở Kế hoạch và Đầu tư", "name_key": "so ke hoach va dau tu", "parent_id": null, "successor_id": 3, "retired_on": "2025-03-01", "created_at": "2026-12-04T22:22:36.634343+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(88,'2026-12-04 22:25:28.824110','Chuyên viên A','update','directive',10,'{"id": 10, "meeting_id": 4, "unit_id": 5, "text": "Hoàn thiện đề án sắp xếp đơn vị hành chính", "original_due": "2025-06-30", "due_text": "2025-06-30", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:50.976594+00:00", "withdrawn_on": null, "field_id": null}','{"id": 10, "meeting_id": 4, "unit_id": 3, "text": "Hoàn thiện đề án sắp xếp đơn vị hành chính", "original_due": "2025-06-30", "due_text": "2025-06-30", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:50.976594+00:00", "withdrawn_on": null, "field_id": null}',NULL,10);
INSERT INTO "change_log" VALUES(89,'2026-12-04 22:25:28.824110','Chuyên viên A','unit retire','command',NULL,NULL,'{"params": {"successor": "STC", "on": "2025-03-01", "unit": "SKH", "fmt": "table"}, "rows": [87, 88], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(90,'2026-12-04 22:25:34.411330','Chuyên viên A','create','unit_contact',1,NULL,'{"id": 1, "unit_id": 2, "role": "focal", "name": "Trần Thị B", "email": "b@example.vn", "phone": null, "created_at": "2026-12-04T22:25:34.401080+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(91,'2026-12-04 22:25:34.411330','Chuyên viên A','unit contact','command',NULL,NULL,'{"params": {"name": "Trần Thị B", "email": "b@example.vn", "role": "focal", "unit": "BTC", "fmt": "table"}, "rows": [90, 90], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(92,'2026-12-04 22:25:39.435257','Chuyên viên A','create','unit_alias',3,NULL,'{"id": 3, "unit_id": 6, "alias": "Sở Xây dựng", "alias_key": "so xay dung"}',NULL,NULL);
INSERT INTO "change_log" VALUES(93,'2026-12-04 22:25:39.435257','Chuyên viên A','update','unit',6,'{"id": 6, "code": "SXD", "code_key": "sxd", "name": "Sở Xây dựng", "name_key": "so xay dung", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:41.045123+00:00"}','{"id": 6, "code": "SXD", "code_key": "sxd", "name": "Sở Xây dựng tỉnh", "name_key": "so xay dung tinh", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:22:41.045123+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(94,'2026-12-04 22:25:39.435257','Chuyên viên A','unit rename','command',NULL,NULL,'{"params": {"unit": "SXD", "name": "Sở Xây dựng tỉnh", "fmt": "table"}, "rows": [92, 93], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(95,'2026-12-04 22:25:45.062506','Chuyên viên A','create','office',1,NULL,'{"id": 1, "kind": "party", "parent_body": "TỈNH ỦY NINH BÌNH", "body": "VĂN PHÒNG", "code": "VPTU", "place": "Ninh Bình", "signer_name": "Lê Văn C", "signer_title": null, "signer_authority": null, "recipients": null, "template": null, "accepts_completions": null, "on_time_by": null}',NULL,NULL);
INSERT INTO "change_log" VALUES(96,'2026-12-04 22:25:45.062506','Chuyên viên A','office set','command',NULL,NULL,'{"params": {"kind": "party", "body": "VĂN PHÒNG", "parent_body": "TỈNH ỦY NINH BÌNH", "code": "VPTU", "place": "Ninh Bình", "signer_name": "Lê Văn C", "to": [], "fmt": "table"}, "rows": [95, 95], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(97,'2026-12-04 22:25:50.172144','Chuyên viên A','create','calendar_day',NULL,NULL,'{"day": "2025-01-25", "off": false, "note": "làm bù", "created_at": "2026-12-04T22:25:50.138252+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(98,'2026-12-04 22:25:50.172144','Chuyên viên A','calendar add','command',NULL,NULL,'{"params": {"on": true, "note": "làm bù", "day": "2025-01-25"}, "rows": [97, 97], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(99,'2026-12-04 22:25:54.784483','Chuyên viên A','create','field',1,NULL,'{"id": 1, "code": "KT", "code_key": "kt", "name": "Kinh tế", "name_key": "kinh te"}',NULL,NULL);
INSERT INTO "change_log" VALUES(100,'2026-12-04 22:25:54.784483','Chuyên viên A','field add','command',NULL,NULL,'{"params": {"code": "KT", "name": "Kinh tế"}, "rows": [99, 99], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(101,'2026-12-04 22:26:00.642017','Chuyên viên A','update','directive',10,'{"id": 10, "meeting_id": 4, "unit_id": 3, "text": "Hoàn thiện đề án sắp xếp đơn vị hành chính", "original_due": "2025-06-30", "due_text": "2025-06-30", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:50.976594+00:00", "withdrawn_on": null, "field_id": null}','{"id": 10, "meeting_id": 4, "unit_id": 3, "text": "Hoàn thiện đề án sắp xếp đơn vị hành chính", "original_due": "2025-06-30", "due_text": "2025-06-30", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:50.976594+00:00", "withdrawn_on": null, "field_id": 1}',NULL,10);
INSERT INTO "change_log" VALUES(102,'2026-12-04 22:26:00.642017','Chuyên viên A','edit directive','command',NULL,NULL,'{"params": {"field": "KT", "directive_id": 10, "with_": [], "fmt": "table"}, "rows": [101, 101], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(103,'2026-12-04 22:26:05.508432','Chuyên viên A','create','leader',1,NULL,'{"id": 1, "name": "Đ/c Phạm Văn D", "name_key": "d/c pham van d"}',NULL,NULL);
INSERT INTO "change_log" VALUES(104,'2026-12-04 22:26:05.508432','Chuyên viên A','create','leader_assignment',1,NULL,'{"id": 1, "leader_id": 1, "field_id": 1, "unit_id": null, "start": "2024-01-01"}',NULL,NULL);
INSERT INTO "change_log" VALUES(105,'2026-12-04 22:26:05.508432','Chuyên viên A','leader assign','command',NULL,NULL,'{"params": {"field": ["KT"], "start": "2024-01-01", "name": "Đ/c Phạm Văn D", "unit": []}, "rows": [103, 104], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(106,'2026-12-04 22:26:12.184044','Chuyên viên A','create','request',1,NULL,'{"id": 1, "directive_id": 9, "kind": "extend", "asked_on": "2025-03-20", "to_due": "2025-06-30", "due_text": "2025-06-30", "reason": "Chờ hướng dẫn", "doc": null, "decision": null, "decided_on": null, "decision_doc": null, "decision_reason": null, "objective": false, "extension_id": null}',NULL,9);
INSERT INTO "change_log" VALUES(107,'2026-12-04 22:26:12.184044','Chuyên viên A','request extend','command',NULL,NULL,'{"params": {"to": "2025-06-30", "reason": "Chờ hướng dẫn", "on": "2025-03-20", "directive_id": 9}, "rows": [106, 106], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(108,'2026-12-04 22:26:18.934137','Chuyên viên A','create','extension',4,NULL,'{"id": 4, "directive_id": 9, "approved_on": "2025-03-25", "new_due": "2025-06-30", "due_text": "2025-06-30", "reason": "Chờ hướng dẫn", "created_at": "2026-12-04T22:26:18.899897+00:00"}',NULL,9);
INSERT INTO "change_log" VALUES(109,'2026-12-04 22:26:18.934137','Chuyên viên A','update','request',1,'{"id": 1, "directive_id": 9, "kind": "extend", "asked_on": "2025-03-20", "to_due": "2025-06-30", "due_text": "2025-06-30", "reason": "Chờ hướng dẫn", "doc": null, "decision": null, "decided_on": null, "decision_doc": null, "decision_reason": null, "objective": false, "extension_id": null}','{"id": 1, "directive_id": 9, "kind": "extend", "asked_on": "2025-03-20", "to_due": "2025-06-30", "due_text": "2025-06-30", "reason": "Chờ hướng dẫn", "doc": null, "decision": "approved", "decided_on": "2025-03-25", "decision_doc": null, "decision_reason": null, "objective": false, "extension_id": 4}',NULL,9);
INSERT INTO "change_log" VALUES(110,'2026-12-04 22:26:18.934137','Chuyên viên A','approve','command',NULL,NULL,'{"params": {"on": "2025-03-25", "request_id": 1}, "rows": [108, 109], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(111,'2026-12-04 22:26:23.670675','Chuyên viên A','create','directive_result',9,NULL,'{"directive_id": 9, "claimed_on": "2025-05-05", "doc": "88/BC-BTC", "doc_date": "2025-05-04", "file": null, "file_hash": null, "verdict": "meets", "accepted_on": null, "returned_on": null, "return_reason": null}',NULL,9);
INSERT INTO "change_log" VALUES(112,'2026-12-04 22:26:23.670675','Chuyên viên A','update','directive',9,'{"id": 9, "meeting_id": 4, "unit_id": 2, "text": "Triển khai chương trình công tác năm 2025", "original_due": "2025-03-31", "due_text": "2025-03-31", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:45.296744+00:00", "withdrawn_on": null, "field_id": null}','{"id": 9, "meeting_id": 4, "unit_id": 2, "text": "Triển khai chương trình công tác năm 2025", "original_due": "2025-03-31", "due_text": "2025-03-31", "product": null, "key": null, "completed_on": "2025-05-04", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:45.296744+00:00", "withdrawn_on": null, "field_id": null}',NULL,9);
INSERT INTO "change_log" VALUES(113,'2026-12-04 22:26:23.670675','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2025-05-05", "doc": "88/BC-BTC", "doc_date": "2025-05-04", "verdict": "meets", "directive_id": 9}, "rows": [111, 112], "count": 2}',NULL,NULL);
INSERT INTO "change_log" VALUES(114,'2026-12-04 22:26:27.318137','Chuyên viên A','update','directive',2,'{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": "2024-03-10", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}','{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}',NULL,2);
INSERT INTO "change_log" VALUES(115,'2026-12-04 22:26:27.318137','Chuyên viên A','reopen','command',NULL,NULL,'{"params": {"reason": "Thiếu phụ lục", "on": "2024-03-15", "directive_id": 2, "fmt": "table"}, "rows": [114, 114], "count": 1}',NULL,NULL);
INSERT INTO "change_log" VALUES(116,'2026-12-04 22:26:29.762348','Chuyên viên A','update','directive',2,'{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}','{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": "2024-03-25", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}',119,2);
INSERT INTO "change_log" VALUES(117,'2026-12-04 22:26:29.762348','Chuyên viên A','done','command',NULL,NULL,'{"params": {"on": "2024-03-25", "directive_id": 2}, "rows": [116, 116], "count": 1}',119,NULL);
INSERT INTO "change_log" VALUES(118,'2026-12-04 22:26:33.871978','Chuyên viên A','update','directive',2,'{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": "2024-03-25", "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}','{"id": 2, "meeting_id": 1, "unit_id": 3, "text": "Báo cáo quyết toán ngân sách 2023", "original_due": "2024-02-28", "due_text": "2024-02-28", "product": null, "key": null, "completed_on": null, "completed_on_exact": true, "completion_note": null, "cancelled_on": null, "cancel_reason": null, "series_id": null, "period": null, "issued_on": null, "created_at": "2026-12-04T22:23:12.748833+00:00", "withdrawn_on": null, "field_id": null}',NULL,2);
INSERT INTO "change_log" VALUES(119,'2026-12-04 22:26:33.871978','Chuyên viên A','undo','command',NULL,NULL,'{"params": {"yes": true, "count": 1, "fmt": "table"}, "rows": [118, 118], "count": 1, "undoes": [117]}',NULL,NULL);
INSERT INTO "change_log" VALUES(120,'2026-12-04 22:33:09.200306','Chuyên viên A','create','unit',7,NULL,'{"id": 7, "code": "DUK", "code_key": "duk", "name": "Ðảng ủy Khối cơ quan", "name_key": "ðang uy khoi co quan", "parent_id": null, "successor_id": null, "retired_on": null, "created_at": "2026-12-04T22:33:09.181190+00:00"}',NULL,NULL);
INSERT INTO "change_log" VALUES(121,'2026-12-04 22:33:09.200306','Chuyên viên A','unit add','command',NULL,NULL,'{"params": {"code": "DUK", "name": "Ðảng ủy Khối cơ quan", "alias": [], "fmt": "table"}, "rows": [120, 120], "count": 1}',NULL,NULL);
CREATE TABLE directive (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	original_due DATE, 
	due_text VARCHAR, 
	product VARCHAR, 
	"key" VARCHAR(200), 
	completed_on DATE, 
	completed_on_exact BOOLEAN DEFAULT 1 NOT NULL, 
	completion_note VARCHAR, 
	cancelled_on DATE, 
	cancel_reason VARCHAR, 
	series_id INTEGER, 
	period VARCHAR(16), 
	issued_on DATE, 
	created_at DATETIME NOT NULL, 
	withdrawn_on DATE, 
	field_id INTEGER, 
	UNIQUE ("key", unit_id), 
	CONSTRAINT uq_directive_series_id_period UNIQUE (series_id, period), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id), 
	CONSTRAINT fk_directive_series_id_series FOREIGN KEY(series_id) REFERENCES series (id), 
	FOREIGN KEY(field_id) REFERENCES field (id)
);
INSERT INTO "directive" VALUES(1,1,2,'Rà soát, bổ sung quy hoạch cán bộ','2024-03-31','2024-03-31','Báo cáo',NULL,'2024-03-20',1,'Báo cáo số 45-BC/BTC',NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:06.925674',NULL,NULL);
INSERT INTO "directive" VALUES(2,1,3,'Báo cáo quyết toán ngân sách 2023','2024-02-28','2024-02-28',NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:12.748833',NULL,NULL);
INSERT INTO "directive" VALUES(3,1,1,'Chuẩn bị nội dung hội nghị','2024-06-30','quý II/2024',NULL,NULL,'2024-08-01',1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:18.009241',NULL,NULL);
INSERT INTO "directive" VALUES(4,1,2,'Chuẩn bị nội dung hội nghị','2024-06-30','quý II/2024',NULL,NULL,NULL,1,NULL,'2024-05-01','Không còn phù hợp',NULL,NULL,NULL,'2026-12-04 22:23:18.060898',NULL,NULL);
INSERT INTO "directive" VALUES(5,2,4,'Tổng hợp ý kiến của các sở, ngành','2024-06-30','tháng 6/2024',NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:23.928333',NULL,NULL);
INSERT INTO "directive" VALUES(6,2,5,'Xây dựng kế hoạch đầu tư công trung hạn','2024-12-31','2024-12-31',NULL,NULL,'2024-11-11',1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:28.814767',NULL,NULL);
INSERT INTO "directive" VALUES(7,3,1,'Theo dõi chung',NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:33.429474',NULL,NULL);
INSERT INTO "directive" VALUES(8,3,3,'Đề xuất phương án bố trí vốn','2024-09-15','2024-09-15',NULL,NULL,'2025-04-02',1,'Tờ trình số 9',NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:38.741077',NULL,NULL);
INSERT INTO "directive" VALUES(9,4,2,'Triển khai chương trình công tác năm 2025','2025-03-31','2025-03-31',NULL,NULL,'2025-05-04',1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:45.296744',NULL,NULL);
INSERT INTO "directive" VALUES(10,4,3,'Hoàn thiện đề án sắp xếp đơn vị hành chính','2025-06-30','2025-06-30',NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:50.976594',NULL,1);
INSERT INTO "directive" VALUES(11,4,6,'Kiểm tra công trình trọng điểm','2025-02-20','2025-02-20',NULL,NULL,'2025-02-18',1,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:55.322842',NULL,NULL);
CREATE TABLE directive_coordinator (
	directive_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	PRIMARY KEY (directive_id, unit_id), 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE, 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
INSERT INTO "directive_coordinator" VALUES(1,1);
INSERT INTO "directive_coordinator" VALUES(6,3);
INSERT INTO "directive_coordinator" VALUES(10,6);
CREATE TABLE directive_result (
	directive_id INTEGER NOT NULL, 
	claimed_on DATE NOT NULL, 
	doc VARCHAR(200), 
	doc_date DATE, 
	file VARCHAR, 
	file_hash VARCHAR(128), 
	verdict VARCHAR(16), 
	accepted_on DATE, 
	returned_on DATE, 
	return_reason VARCHAR, 
	PRIMARY KEY (directive_id), 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
INSERT INTO "directive_result" VALUES(9,'2025-05-05','88/BC-BTC','2025-05-04',NULL,NULL,'meets',NULL,NULL,NULL);
CREATE TABLE extension (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	directive_id INTEGER NOT NULL, 
	approved_on DATE NOT NULL, 
	new_due DATE NOT NULL, 
	due_text VARCHAR, 
	reason VARCHAR, 
	created_at DATETIME NOT NULL, 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
INSERT INTO "extension" VALUES(1,3,'2024-06-20','2024-09-30','2024-09-30','Công văn 77-CV/VPTU','2026-12-04 22:24:09.236641');
INSERT INTO "extension" VALUES(2,8,'2024-09-10','2024-12-15','2024-12-15','Chờ số liệu','2026-12-04 22:24:35.615810');
INSERT INTO "extension" VALUES(3,8,'2024-12-10','2025-03-31','2025-03-31','Lần 2','2026-12-04 22:24:40.124541');
INSERT INTO "extension" VALUES(4,9,'2025-03-25','2025-06-30','2025-06-30','Chờ hướng dẫn','2026-12-04 22:26:18.899897');
CREATE TABLE field (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	code VARCHAR(64) NOT NULL, 
	code_key VARCHAR(64) NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	name_key VARCHAR(400) NOT NULL, 
	UNIQUE (code_key)
);
INSERT INTO "field" VALUES(1,'KT','kt','Kinh tế','kinh te');
CREATE TABLE leader (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	name VARCHAR(400) NOT NULL, 
	name_key VARCHAR(400) NOT NULL, 
	UNIQUE (name_key)
);
INSERT INTO "leader" VALUES(1,'Đ/c Phạm Văn D','d/c pham van d');
CREATE TABLE leader_assignment (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	leader_id INTEGER NOT NULL, 
	field_id INTEGER, 
	unit_id INTEGER, 
	start DATE NOT NULL, 
	FOREIGN KEY(leader_id) REFERENCES leader (id) ON DELETE CASCADE, 
	FOREIGN KEY(field_id) REFERENCES field (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
INSERT INTO "leader_assignment" VALUES(1,1,1,NULL,'2024-01-01');
CREATE TABLE limitation (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	text_key VARCHAR NOT NULL, 
	category VARCHAR(32) NOT NULL, 
	resolved_on DATE, 
	resolve_note VARCHAR, 
	repeat_of_id INTEGER, 
	created_at DATETIME NOT NULL, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id), 
	FOREIGN KEY(repeat_of_id) REFERENCES limitation (id)
);
INSERT INTO "limitation" VALUES(1,1,3,'Chậm gửi báo cáo định kỳ','cham gui bao cao dinh ky','timeliness','2024-06-01','Đã khắc phục',NULL,'2026-12-04 22:25:03.501292');
INSERT INTO "limitation" VALUES(2,2,4,'Thiếu cán bộ chuyên môn','thieu can bo chuyen mon','staffing',NULL,NULL,NULL,'2026-12-04 22:25:08.947473');
INSERT INTO "limitation" VALUES(3,4,5,'Phối hợp chưa chặt chẽ','phoi hop chua chat che','coordination',NULL,NULL,NULL,'2026-12-04 22:25:15.334102');
CREATE TABLE meeting (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	date DATE NOT NULL, 
	title VARCHAR NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	chair VARCHAR, 
	chair_title VARCHAR, 
	doc VARCHAR(200), 
	note VARCHAR, 
	"key" VARCHAR(200), 
	created_at DATETIME NOT NULL, 
	UNIQUE ("key")
);
INSERT INTO "meeting" VALUES(1,'2024-01-15','Giao ban quý I năm 2024','briefing','Nguyễn Văn Á','Phó Bí thư','12-TB/VPTU','Họp tại hội trường',NULL,'2026-12-04 22:22:50.162666');
INSERT INTO "meeting" VALUES(2,'2024-04-15','Hội nghị sơ kết 6 tháng','working-session',NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:22:54.273479');
INSERT INTO "meeting" VALUES(3,'2024-07-10','Làm việc với Sở Tài chính','working-session',NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:22:58.414707');
INSERT INTO "meeting" VALUES(4,'2025-02-03','Giao ban đầu năm 2025','review',NULL,NULL,NULL,NULL,NULL,'2026-12-04 22:23:03.069160');
CREATE TABLE meeting_attendee (
	meeting_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	PRIMARY KEY (meeting_id, unit_id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
INSERT INTO "meeting_attendee" VALUES(1,1);
INSERT INTO "meeting_attendee" VALUES(1,2);
INSERT INTO "meeting_attendee" VALUES(2,3);
CREATE TABLE office (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	kind VARCHAR(16) NOT NULL, 
	parent_body VARCHAR(400), 
	body VARCHAR(400), 
	code VARCHAR(64), 
	place VARCHAR(200), 
	signer_name VARCHAR(200), 
	signer_title VARCHAR(200), 
	signer_authority VARCHAR(200), 
	recipients VARCHAR, 
	template VARCHAR, 
	accepts_completions BOOLEAN, 
	on_time_by VARCHAR(16)
);
INSERT INTO "office" VALUES(1,'party','TỈNH ỦY NINH BÌNH','VĂN PHÒNG','VPTU','Ninh Bình','Lê Văn C',NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE pack (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	token VARCHAR(64) NOT NULL, 
	unit_id INTEGER NOT NULL, 
	period_label VARCHAR(64) NOT NULL, 
	period_start DATE NOT NULL, 
	period_end DATE NOT NULL, 
	made_on DATE NOT NULL, 
	answer_by DATE NOT NULL, 
	file VARCHAR, 
	sent_at DATETIME, 
	sent_to VARCHAR, 
	sent_cc VARCHAR, 
	answered_on DATE, 
	created_at DATETIME NOT NULL, 
	UNIQUE (token), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
CREATE TABLE pack_item (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	pack_id INTEGER NOT NULL, 
	directive_id INTEGER NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	base VARCHAR(64) NOT NULL, 
	shown VARCHAR NOT NULL, 
	answer VARCHAR(64), 
	settled VARCHAR(64), 
	answered_on DATE, 
	steps VARCHAR, 
	UNIQUE (pack_id, directive_id), 
	FOREIGN KEY(pack_id) REFERENCES pack (id) ON DELETE CASCADE, 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
CREATE TABLE progress_entry (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	directive_id INTEGER NOT NULL, 
	reported_on DATE NOT NULL, 
	percent INTEGER, 
	note VARCHAR, 
	created_at DATETIME NOT NULL, 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
INSERT INTO "progress_entry" VALUES(1,5,'2024-05-10',50,'Đã tổng hợp 10/20 sở','2026-12-04 22:24:21.390200');
INSERT INTO "progress_entry" VALUES(2,5,'2024-07-01',NULL,'Chờ ý kiến Sở Tư pháp','2026-12-04 22:24:26.854838');
INSERT INTO "progress_entry" VALUES(3,9,'2025-02-20',30,NULL,'2026-12-04 22:24:51.273355');
CREATE TABLE request (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	directive_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	asked_on DATE NOT NULL, 
	to_due DATE, 
	due_text VARCHAR, 
	reason VARCHAR NOT NULL, 
	doc VARCHAR(200), 
	decision VARCHAR(16), 
	decided_on DATE, 
	decision_doc VARCHAR(200), 
	decision_reason VARCHAR, 
	objective BOOLEAN NOT NULL, 
	extension_id INTEGER, 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE, 
	FOREIGN KEY(extension_id) REFERENCES extension (id) ON DELETE SET NULL
);
INSERT INTO "request" VALUES(1,9,'extend','2025-03-20','2025-06-30','2025-06-30','Chờ hướng dẫn',NULL,'approved','2025-03-25',NULL,NULL,0,4);
CREATE TABLE series (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	every VARCHAR(16) NOT NULL, 
	day INTEGER, 
	"offset" INTEGER, 
	starts_on DATE NOT NULL, 
	ends_on DATE, 
	next_start DATE, 
	product VARCHAR, 
	"key" VARCHAR(200), 
	created_at DATETIME NOT NULL, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
CREATE TABLE series_coordinator (
	series_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	PRIMARY KEY (series_id, unit_id), 
	FOREIGN KEY(series_id) REFERENCES series (id) ON DELETE CASCADE, 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
CREATE TABLE unit (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	code VARCHAR(64) NOT NULL, 
	code_key VARCHAR(64) NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	name_key VARCHAR(400) NOT NULL, 
	parent_id INTEGER, 
	successor_id INTEGER, 
	retired_on DATE, 
	created_at DATETIME NOT NULL, 
	UNIQUE (code_key), 
	FOREIGN KEY(parent_id) REFERENCES unit (id), 
	FOREIGN KEY(successor_id) REFERENCES unit (id)
);
INSERT INTO "unit" VALUES(1,'VPTU','vptu','Văn phòng Tỉnh ủy','van phong tinh uy',NULL,NULL,NULL,'2026-12-04 22:22:23.493059');
INSERT INTO "unit" VALUES(2,'BTC','btc','Ban Tổ chức Tỉnh ủy','ban to chuc tinh uy',NULL,NULL,NULL,'2026-12-04 22:22:25.836919');
INSERT INTO "unit" VALUES(3,'STC','stc','Sở Tài chính','so tai chinh',NULL,NULL,NULL,'2026-12-04 22:22:28.669559');
INSERT INTO "unit" VALUES(4,'PTH','pth','Phòng Tổng hợp','phong tong hop',1,NULL,NULL,'2026-12-04 22:22:32.636039');
INSERT INTO "unit" VALUES(5,'SKH','skh','Sở Kế hoạch và Đầu tư','so ke hoach va dau tu',NULL,3,'2025-03-01','2026-12-04 22:22:36.634343');
INSERT INTO "unit" VALUES(6,'SXD','sxd','Sở Xây dựng tỉnh','so xay dung tinh',NULL,NULL,NULL,'2026-12-04 22:22:41.045123');
INSERT INTO "unit" VALUES(7,'DUK','duk','Ðảng ủy Khối cơ quan','ðang uy khoi co quan',NULL,NULL,NULL,'2026-12-04 22:33:09.181190');
CREATE TABLE unit_alias (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	unit_id INTEGER NOT NULL, 
	alias VARCHAR(400) NOT NULL, 
	alias_key VARCHAR(400) NOT NULL, 
	UNIQUE (unit_id, alias_key), 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE
);
INSERT INTO "unit_alias" VALUES(1,2,'Ban TC','ban tc');
INSERT INTO "unit_alias" VALUES(2,3,'Sở TC','so tc');
INSERT INTO "unit_alias" VALUES(3,6,'Sở Xây dựng','so xay dung');
CREATE TABLE unit_contact (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	unit_id INTEGER NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	email VARCHAR(320), 
	phone VARCHAR(40), 
	created_at DATETIME NOT NULL, 
	UNIQUE (unit_id, role), 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE
);
INSERT INTO "unit_contact" VALUES(1,2,'focal','Trần Thị B','b@example.vn',NULL,'2026-12-04 22:25:34.401080');
CREATE TABLE urging (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	unit_id INTEGER NOT NULL, 
	issued_on DATE NOT NULL, 
	as_of DATE NOT NULL, 
	number VARCHAR(200), 
	reply_by DATE, 
	created_at DATETIME NOT NULL, 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
CREATE TABLE urging_directive (
	urging_id INTEGER NOT NULL, 
	directive_id INTEGER NOT NULL, 
	overdue BOOLEAN NOT NULL, 
	PRIMARY KEY (urging_id, directive_id), 
	FOREIGN KEY(urging_id) REFERENCES urging (id) ON DELETE CASCADE, 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
CREATE INDEX ix_unit_successor_id ON unit (successor_id);
CREATE INDEX ix_unit_name_key ON unit (name_key);
CREATE INDEX ix_unit_parent_id ON unit (parent_id);
CREATE INDEX ix_meeting_date ON meeting (date);
CREATE INDEX ix_field_name_key ON field (name_key);
CREATE INDEX ix_change_log_action ON change_log (action, id);
CREATE INDEX ix_change_log_at ON change_log (at);
CREATE INDEX ix_change_log_directive_id ON change_log (directive_id, id);
CREATE INDEX ix_unit_alias_alias_key ON unit_alias (alias_key);
CREATE INDEX ix_unit_alias_unit_id ON unit_alias (unit_id);
CREATE INDEX ix_meeting_attendee_unit_id ON meeting_attendee (unit_id);
CREATE INDEX ix_series_meeting_id ON series (meeting_id);
CREATE INDEX ix_series_next_start ON series (next_start);
CREATE INDEX ix_series_unit_id ON series (unit_id);
CREATE INDEX ix_limitation_unit_id ON limitation (unit_id);
CREATE INDEX ix_limitation_repeat_of_id ON limitation (repeat_of_id);
CREATE INDEX ix_limitation_meeting_id ON limitation (meeting_id);
CREATE INDEX ix_unit_contact_unit_id ON unit_contact (unit_id);
CREATE INDEX ix_leader_assignment_field_id ON leader_assignment (field_id);
CREATE INDEX ix_leader_assignment_unit_id ON leader_assignment (unit_id);
CREATE INDEX ix_leader_assignment_leader_id ON leader_assignment (leader_id);
CREATE INDEX ix_pack_unit_id ON pack (unit_id);
CREATE INDEX ix_pack_period ON pack (period_start, period_end);
CREATE INDEX ix_urging_issued_on ON urging (issued_on);
CREATE INDEX ix_urging_unit_id ON urging (unit_id);
CREATE INDEX ix_series_coordinator_unit_id ON series_coordinator (unit_id);
CREATE INDEX ix_directive_issued_on ON directive (issued_on) WHERE issued_on IS NOT NULL;
CREATE INDEX ix_directive_series_id ON directive (series_id);
CREATE INDEX ix_directive_field_id ON directive (field_id);
CREATE INDEX ix_directive_judged ON directive (completed_on, cancelled_on, withdrawn_on, issued_on, original_due, meeting_id, unit_id, field_id);
CREATE INDEX ix_directive_original_due ON directive (original_due);
CREATE INDEX ix_directive_meeting_id ON directive (meeting_id);
CREATE INDEX ix_directive_unit_id ON directive (unit_id);
CREATE INDEX ix_directive_unit_meeting ON directive (unit_id, meeting_id);
CREATE INDEX ix_directive_coordinator_unit_id ON directive_coordinator (unit_id);
CREATE INDEX ix_progress_entry_directive_id ON progress_entry (directive_id);
CREATE INDEX ix_extension_directive_id ON extension (directive_id);
CREATE INDEX ix_pack_item_pack_id ON pack_item (pack_id);
CREATE INDEX ix_pack_item_directive_id ON pack_item (directive_id);
CREATE INDEX ix_urging_directive_directive_id ON urging_directive (directive_id);
CREATE INDEX ix_request_extension_id ON request (extension_id);
CREATE INDEX ix_request_directive_id ON request (directive_id);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('unit',7);
INSERT INTO "sqlite_sequence" VALUES('change_log',121);
INSERT INTO "sqlite_sequence" VALUES('unit_alias',3);
INSERT INTO "sqlite_sequence" VALUES('meeting',4);
INSERT INTO "sqlite_sequence" VALUES('directive',11);
INSERT INTO "sqlite_sequence" VALUES('extension',4);
INSERT INTO "sqlite_sequence" VALUES('progress_entry',3);
INSERT INTO "sqlite_sequence" VALUES('limitation',3);
INSERT INTO "sqlite_sequence" VALUES('unit_contact',1);
INSERT INTO "sqlite_sequence" VALUES('office',1);
INSERT INTO "sqlite_sequence" VALUES('field',1);
INSERT INTO "sqlite_sequence" VALUES('leader',1);
INSERT INTO "sqlite_sequence" VALUES('leader_assignment',1);
INSERT INTO "sqlite_sequence" VALUES('request',1);
COMMIT;
