BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001');
CREATE TABLE change_log (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(200) NOT NULL, 
	action VARCHAR(64) NOT NULL, 
	entity VARCHAR(64) NOT NULL, 
	entity_id INTEGER, 
	"before" VARCHAR, 
	"after" VARCHAR, 
	undone_by INTEGER, 
	PRIMARY KEY (id)
);
CREATE TABLE directive (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	original_due DATE, 
	due_text VARCHAR, 
	product VARCHAR, 
	"key" VARCHAR(200), 
	completed_on DATE, 
	completion_note VARCHAR, 
	cancelled_on DATE, 
	cancel_reason VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id), 
	UNIQUE ("key", unit_id)
);
INSERT INTO "directive" VALUES(1,1,2,'Rà soát, bổ sung quy hoạch cán bộ','2024-03-31','2024-03-31','Báo cáo',NULL,'2024-03-20','Báo cáo số 45-BC/BTC',NULL,NULL,'2026-12-04 21:47:58.063374');
INSERT INTO "directive" VALUES(2,1,3,'Báo cáo quyết toán ngân sách 2023','2024-02-28','2024-02-28',NULL,NULL,'2024-03-10',NULL,NULL,NULL,'2026-12-04 21:47:58.465969');
INSERT INTO "directive" VALUES(3,1,1,'Chuẩn bị nội dung hội nghị','2024-06-30','quý II/2024',NULL,NULL,'2024-08-01',NULL,NULL,NULL,'2026-12-04 21:47:58.918152');
INSERT INTO "directive" VALUES(4,1,2,'Chuẩn bị nội dung hội nghị','2024-06-30','quý II/2024',NULL,NULL,NULL,NULL,'2024-05-01','Không còn phù hợp','2026-12-04 21:47:58.919632');
INSERT INTO "directive" VALUES(5,2,4,'Tổng hợp ý kiến của các sở, ngành','2024-06-30','tháng 6/2024',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:47:59.304295');
INSERT INTO "directive" VALUES(6,2,5,'Xây dựng kế hoạch đầu tư công trung hạn','2024-12-31','2024-12-31',NULL,NULL,'2024-11-11',NULL,NULL,NULL,'2026-12-04 21:47:59.748108');
INSERT INTO "directive" VALUES(7,3,1,'Theo dõi chung',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:48:00.224829');
INSERT INTO "directive" VALUES(8,3,3,'Đề xuất phương án bố trí vốn','2024-09-15','2024-09-15',NULL,NULL,'2025-04-02','Tờ trình số 9',NULL,NULL,'2026-12-04 21:48:00.627405');
INSERT INTO "directive" VALUES(9,4,2,'Triển khai chương trình công tác năm 2025','2025-03-31','2025-03-31',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:48:01.068717');
INSERT INTO "directive" VALUES(10,4,5,'Hoàn thiện đề án sắp xếp đơn vị hành chính','2025-06-30','2025-06-30',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:48:01.543129');
INSERT INTO "directive" VALUES(11,4,6,'Kiểm tra công trình trọng điểm','2025-02-20','2025-02-20',NULL,NULL,'2025-02-18',NULL,NULL,NULL,'2026-12-04 21:48:01.997473');
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
CREATE TABLE extension (
	id INTEGER NOT NULL, 
	directive_id INTEGER NOT NULL, 
	approved_on DATE NOT NULL, 
	new_due DATE NOT NULL, 
	due_text VARCHAR, 
	reason VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
INSERT INTO "extension" VALUES(1,3,'2024-06-20','2024-09-30','2024-09-30','Công văn 77-CV/VPTU','2026-12-04 21:48:03.155406');
INSERT INTO "extension" VALUES(2,8,'2024-09-10','2024-12-15','2024-12-15','Chờ số liệu','2026-12-04 21:48:05.414835');
INSERT INTO "extension" VALUES(3,8,'2024-12-10','2025-03-31','2025-03-31','Lần 2','2026-12-04 21:48:05.787718');
CREATE TABLE limitation (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	text_key VARCHAR NOT NULL, 
	category VARCHAR(32) NOT NULL, 
	resolved_on DATE, 
	resolve_note VARCHAR, 
	repeat_of_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(repeat_of_id) REFERENCES limitation (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);
INSERT INTO "limitation" VALUES(1,1,3,'Chậm gửi báo cáo định kỳ','cham gui bao cao dinh ky','timeliness','2024-06-01','Đã khắc phục',NULL,'2026-12-04 21:48:07.727301');
INSERT INTO "limitation" VALUES(2,2,4,'Thiếu cán bộ chuyên môn','thieu can bo chuyen mon','staffing',NULL,NULL,NULL,'2026-12-04 21:48:08.758161');
INSERT INTO "limitation" VALUES(3,4,5,'Phối hợp chưa chặt chẽ','phoi hop chua chat che','coordination',NULL,NULL,NULL,'2026-12-04 21:48:09.812862');
CREATE TABLE meeting (
	id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	title VARCHAR NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	chair VARCHAR, 
	chair_title VARCHAR, 
	doc VARCHAR(200), 
	note VARCHAR, 
	"key" VARCHAR(200), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE ("key")
);
INSERT INTO "meeting" VALUES(1,'2024-01-15','Giao ban quý I năm 2024','briefing','Nguyễn Văn Á','Phó Bí thư','12-TB/VPTU','Họp tại hội trường',NULL,'2026-12-04 21:47:52.809615');
INSERT INTO "meeting" VALUES(2,'2024-04-15','Hội nghị sơ kết 6 tháng','working-session',NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:47:55.187604');
INSERT INTO "meeting" VALUES(3,'2024-07-10','Làm việc với Sở Tài chính','working-session',NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:47:56.424636');
INSERT INTO "meeting" VALUES(4,'2025-02-03','Giao ban đầu năm 2025','review',NULL,NULL,NULL,NULL,NULL,'2026-12-04 21:47:57.202320');
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
CREATE TABLE progress_entry (
	id INTEGER NOT NULL, 
	directive_id INTEGER NOT NULL, 
	reported_on DATE NOT NULL, 
	percent INTEGER, 
	note VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(directive_id) REFERENCES directive (id) ON DELETE CASCADE
);
INSERT INTO "progress_entry" VALUES(1,5,'2024-05-10',50,'Đã tổng hợp 10/20 sở','2026-12-04 21:48:04.294904');
INSERT INTO "progress_entry" VALUES(2,5,'2024-07-01',NULL,'Chờ ý kiến Sở Tư pháp','2026-12-04 21:48:04.682113');
INSERT INTO "progress_entry" VALUES(3,9,'2025-02-20',30,NULL,'2026-12-04 21:48:06.511551');
CREATE TABLE unit (
	id INTEGER NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	code_key VARCHAR(64) NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	name_key VARCHAR(400) NOT NULL, 
	parent_id INTEGER, 
	successor_id INTEGER, 
	retired_on DATE, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(parent_id) REFERENCES unit (id), 
	FOREIGN KEY(successor_id) REFERENCES unit (id), 
	UNIQUE (code_key)
);
INSERT INTO "unit" VALUES(1,'VPTU','vptu','Văn phòng Tỉnh ủy','van phong tinh uy',NULL,NULL,NULL,'2026-12-04 21:47:46.959286');
INSERT INTO "unit" VALUES(2,'BTC','btc','Ban Tổ chức Tỉnh ủy','ban to chuc tinh uy',NULL,NULL,NULL,'2026-12-04 21:47:47.514094');
INSERT INTO "unit" VALUES(3,'STC','stc','Sở Tài chính','so tai chinh',NULL,NULL,NULL,'2026-12-04 21:47:47.907015');
INSERT INTO "unit" VALUES(4,'PTH','pth','Phòng Tổng hợp','phong tong hop',1,NULL,NULL,'2026-12-04 21:47:48.312071');
INSERT INTO "unit" VALUES(5,'SKH','skh','Sở Kế hoạch và Đầu tư','so ke hoach va dau tu',NULL,NULL,NULL,'2026-12-04 21:47:49.150057');
INSERT INTO "unit" VALUES(6,'SXD','sxd','Sở Xây dựng','so xay dung',NULL,NULL,NULL,'2026-12-04 21:47:50.243692');
CREATE TABLE unit_alias (
	id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	alias VARCHAR(400) NOT NULL, 
	alias_key VARCHAR(400) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE, 
	UNIQUE (unit_id, alias_key)
);
INSERT INTO "unit_alias" VALUES(1,2,'Ban TC','ban tc');
INSERT INTO "unit_alias" VALUES(2,3,'Sở TC','so tc');
CREATE INDEX ix_change_log_at ON change_log (at);
CREATE INDEX ix_meeting_date ON meeting (date);
CREATE INDEX ix_unit_name_key ON unit (name_key);
CREATE INDEX ix_unit_parent_id ON unit (parent_id);
CREATE INDEX ix_unit_successor_id ON unit (successor_id);
CREATE INDEX ix_directive_meeting_id ON directive (meeting_id);
CREATE INDEX ix_directive_original_due ON directive (original_due);
CREATE INDEX ix_directive_unit_id ON directive (unit_id);
CREATE INDEX ix_directive_unit_meeting ON directive (unit_id, meeting_id);
CREATE INDEX ix_limitation_meeting_id ON limitation (meeting_id);
CREATE INDEX ix_limitation_repeat_of_id ON limitation (repeat_of_id);
CREATE INDEX ix_limitation_unit_id ON limitation (unit_id);
CREATE INDEX ix_meeting_attendee_unit_id ON meeting_attendee (unit_id);
CREATE INDEX ix_unit_alias_alias_key ON unit_alias (alias_key);
CREATE INDEX ix_unit_alias_unit_id ON unit_alias (unit_id);
CREATE INDEX ix_directive_coordinator_unit_id ON directive_coordinator (unit_id);
CREATE INDEX ix_extension_directive_id ON extension (directive_id);
CREATE INDEX ix_progress_entry_directive_id ON progress_entry (directive_id);
COMMIT;
