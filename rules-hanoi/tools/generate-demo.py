#!/usr/bin/env python3
"""Generates rules-hanoi/src/main/resources/samples/hanoi-demo.yaml, the bundled sample facts.

Tạo tệp dữ liệu mẫu hanoi-demo.yaml (một quận hư cấu, tháng 6/2025) cho các bộ quy tắc Hà Nội.
Generates the sample facts file (a fictional district, June 2025) for the Hanoi rule packs.

Python 3 standard library only. Deterministic: a fixed seed, no clock, no environment. The YAML it
writes is committed; run it again after editing this script and commit both:

    python3 rules-hanoi/tools/generate-demo.py            # writes the sample in place
    python3 rules-hanoi/tools/generate-demo.py --stdout   # prints it instead

Everything notable (breaches, the veto, the quota, the unrated cases) is set by hand below
(NOTABLE, model units, peers); the remaining officers get seeded random, clean, plausible figures.
All people are fictional; place and agency names are Hanoi names used only as a setting, and every
figure (PAR, SIPAS, scores, breaches) is invented.
"""

import random
import sys
from pathlib import Path

SEED = 20250630
AS_OF = "2025-06-30"
PERIOD = ("2025-06-01", "2025-06-30")
PACKS = ["hanoi-522", "hanoi-3814", "hanoi-1665", "hanoi-units", "hanoi-models"]
OUT = Path(__file__).resolve().parent.parent / "src/main/resources/samples/hanoi-demo.yaml"

rng = random.Random(SEED)


def par_points(percent, weight):
    """A PAR part entered as the points it is worth (appraisal 0–70, survey 0–30), from a percentage."""
    return round(percent * weight, 2)

# --------------------------------------------------------------------------------------------
# Units of the district / Các đơn vị của quận
# --------------------------------------------------------------------------------------------
DISTRICT = "ubnd-ba-dinh"
UNITS = [
    # id, name, block, parent, inspection date (June round), inspection team, head (assessor)
    (DISTRICT, "UBND quận Ba Đình", "district", None, "2025-06-12",
     "Đoàn kiểm tra công vụ thành phố", "Chủ tịch UBND quận"),
    ("ubnd-p-quan-thanh", "UBND phường Quán Thánh", "commune", DISTRICT, "2025-06-17",
     "Tổ kiểm tra công vụ quận Ba Đình", "Chủ tịch UBND phường Quán Thánh"),
    ("ubnd-p-truc-bach", "UBND phường Trúc Bạch", "commune", DISTRICT, "2025-06-18",
     "Tổ kiểm tra công vụ quận Ba Đình", "Chủ tịch UBND phường Trúc Bạch"),
    ("ubnd-p-dien-bien", "UBND phường Điện Biên", "commune", DISTRICT, "2025-06-19",
     "Tổ kiểm tra công vụ quận Ba Đình", "Chủ tịch UBND phường Điện Biên"),
]
PER_UNIT = 15
LEADERS_PER_UNIT = 3

# Fictional names / Tên hư cấu
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Phan",
          "Trịnh", "Đinh", "Lương", "Tạ", "Cao", "Kiều", "Chu", "Hà", "Lại", "Mai", "Tô", "Quách"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Mạnh", "Tuấn", "Thành", "Xuân", "Ngọc", "Trọng", "Anh"]
MIDDLE_F = ["Thị", "Thu", "Thanh", "Ngọc", "Minh", "Phương", "Thùy", "Hồng", "Bích", "Kim", "Diệu", "Hải"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phong", "Quân", "Sơn",
           "Thắng", "Trung", "Tú", "Việt", "Hiếu", "Kiên", "Lâm", "Đạt", "Tùng", "Huy", "Khánh", "Vinh"]
GIVEN_F = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai",
           "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến", "Hạnh", "Huyền"]


def make_names(n):
    names, seen = [], set()
    while len(names) < n:
        female = rng.random() < 0.55
        name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                         rng.choice(GIVEN_F if female else GIVEN_M)])
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


# --------------------------------------------------------------------------------------------
# Officers / Cán bộ
# --------------------------------------------------------------------------------------------
officers = []  # dicts
names = make_names(len(UNITS) * PER_UNIT)
for u, unit in enumerate(UNITS):
    for k in range(PER_UNIT):
        n = u * PER_UNIT + k + 1
        leader = k < LEADERS_PER_UNIT
        officers.append({
            "id": f"cb-{n:03d}", "name": names[n - 1], "unit": unit[0], "leader": leader,
            "badge": True, "dress": True, "tidy": True, "signed": True,
            "signed_on": f"2020-04-{rng.randint(6, 28):02d}",
            "exemplary": True, "diligent": True, "unity": True,
            "capability": rng.randint(17, 20) if leader else rng.randint(15, 19),
            "task": rng.randint(86, 98),
            "bonus": 0 if rng.random() < 0.7 else rng.randint(1, 3),
            "note": None,
        })
by_id = {o["id"]: o for o in officers}

# Hand-set cases: id -> changes, note (vi / en). Scores stay plausible; see the comments in the YAML.
NOTABLE = {
    # UBND quận Ba Đình (cb-001 … cb-015): five officers score A, the 30 % quota keeps four.
    "cb-001": ({"capability": 20, "task": 98, "bonus": 5},
               "Chủ tịch UBND quận, gương mẫu: loại A / district chairman, exemplary: grade A"),
    "cb-004": ({"capability": 19, "task": 97, "bonus": 6},
               "chuyên viên có sáng kiến: loại A / staff with an initiative bonus: grade A"),
    "cb-005": ({"capability": 20, "task": 96, "bonus": 4},
               "loại A / grade A"),
    "cb-006": ({"capability": 19, "task": 96, "bonus": 3},
               "loại A theo điểm (90) nhưng bị hạ xuống B theo hạn mức 30% (điểm thấp nhất trong nhóm A) / "
               "A by score (90) but lowered to B by the 30 % quota (lowest of the A scorers)"),
    "cb-007": ({"capability": 20, "task": 98, "bonus": 4},
               "loại A / grade A"),
    "cb-002": ({"task": 92, "late_june": 1},
               "Phó Chủ tịch UBND quận, đi làm muộn một lần trong tháng: vi phạm chuẩn mực nêu gương của lãnh đạo / "
               "vice-chairman late once this month: breaches the leaders' duty to set an example"),
    "cb-009": ({"gift": True, "capability": 16, "task": 90},
               "cán bộ bộ phận một cửa gợi ý nhận tiền của người dân (đã xác minh): phủ quyết, loại D / "
               "one-stop desk officer solicited money from a citizen (verified): veto, grade D"),
    "cb-011": ({},
               "bị phản ánh sách nhiễu nhưng chưa xác minh: không bị tính / complaint of harassment not verified: not counted"),
    "cb-013": ({"late_june": 2, "late_before": 1, "capability": 15, "task": 74},
               "đi làm muộn 2 lần trong tháng, 3 lần trong 12 tháng: tái phạm, loại C / late twice this month, "
               "3 times in 12 months: a repeat; grade C"),
    # UBND phường Quán Thánh (cb-016 … cb-030)
    "cb-016": ({"capability": 20, "task": 97, "bonus": 5}, "Chủ tịch UBND phường: loại A / ward chairman: grade A"),
    "cb-019": ({"capability": 19, "task": 98, "bonus": 4}, "loại A / grade A"),
    "cb-020": ({"capability": 20, "task": 95, "bonus": 5}, "loại A / grade A"),
    "cb-021": ({"capability": 19, "task": 96, "bonus": 4}, "loại A / grade A"),
    "cb-022": ({"capability": 18, "task": 96, "bonus": 3},
               "điểm 89: sát ngưỡng A, loại B / 89 points: just below A, grade B"),
    "cb-024": ({"badge": False, "badge_event": True},
               "không đeo thẻ khi kiểm tra / no name badge at the inspection"),
    "cb-025": ({"dress": False},
               "trang phục không phù hợp khi kiểm tra / improper dress at the inspection"),
    "cb-026": ({"late_before": 2, "task": 88},
               "đi muộn tháng 10/2024 và 2/2025, không muộn trong tháng 6: vẫn tái phạm trong 12 tháng / "
               "late in Oct 2024 and Feb 2025, not in June: still a repeat within 12 months"),
    "cb-027": ({"report_late": 2, "task": 85},
               "nộp báo cáo chậm 2 lần: trừ 2 điểm (phần II) / two late reports: 2 points deducted (part II)"),
    "cb-028": ({"badge": None, "dress": None},
               "nghỉ phép ngày kiểm tra: thẻ và trang phục không được quan sát (CHƯA RÕ), không xếp loại tháng "
               "(thiếu bằng chứng thì không chấm) / on leave on the inspection day: badge and dress not observed "
               "(UNKNOWN), not graded for the month (missing evidence is not graded)"),
    # UBND phường Trúc Bạch (cb-031 … cb-045)
    "cb-031": ({"capability": 20, "task": 96, "bonus": 4}, "Chủ tịch UBND phường: loại A / ward chairman: grade A"),
    "cb-034": ({"capability": 19, "task": 97, "bonus": 5}, "loại A / grade A"),
    "cb-036": ({"smoking": True, "task": 86},
               "hút thuốc trong phòng làm việc (tổ kiểm tra lập biên bản) / smoked in the office (recorded by the inspectors)"),
    "cb-037": ({"tidy": False, "task": 85},
               "chỗ làm việc bừa bộn: cơ quan chưa đạt mô hình cơ quan xanh / untidy workplace: the agency misses the green-agency model"),
    "cb-038": ({"meeting_late": True, "task": 87}, "đi họp muộn không xin phép / late for a meeting without permission"),
    "cb-039": ({"absent": 2, "late_june": 1, "capability": 9, "task": 48, "diligent": False},
               "vắng mặt tại vị trí 2 lần, đi muộn, hoàn thành 48% công việc: loại D / absent from post twice, "
               "late once, 48 % of planned work done: grade D"),
    "cb-040": ({"case_late": 1, "capability": 12, "task": 72},
               "giải quyết hồ sơ chậm, hoàn thành 72%: loại C / dossier handled late, 72 % done: grade C"),
    # UBND phường Điện Biên (cb-046 … cb-060)
    "cb-046": ({"capability": 20, "task": 98, "bonus": 6}, "Chủ tịch UBND phường: loại A / ward chairman: grade A"),
    "cb-048": ({"capability": 19, "task": 96, "bonus": 4}, "loại A / grade A"),
    "cb-050": ({"procedure": True, "capability": 14, "task": 70},
               "giải quyết hồ sơ không đúng quy trình (đã xác minh): loại C / case handled outside the procedure "
               "(verified): grade C"),
    "cb-052": ({"capability": 11, "task": 70, "unity": False},
               "hoàn thành 70% công việc, chưa giữ đoàn kết: loại C / 70 % done, internal unity not kept: grade C"),
    "cb-057": ({"signed": False, "task": 88, "joined": "2025-05-05"},
               "công chức mới tuyển (05/5/2025), quá 30 ngày chưa ký cam kết: phường chưa đạt 100% ký cam kết / recruited "
               "on 5 May 2025, commitment not signed after 30 days: the ward misses 100 % signatures"),
    "cb-059": ({"public_place": True},
               "vi phạm nội quy nơi công cộng (đỗ xe trên vỉa hè phố đi bộ) / broke a public place's rules "
               "(parked on a pedestrian-street sidewalk)"),
}
for oid, (changes, note) in NOTABLE.items():
    by_id[oid].update(changes)
    by_id[oid]["note"] = note
# Keep the hand-set A scorers the only ones: random officers never reach 90 without a bonus of 4+.
for o in officers:
    if o["note"] is None:
        o["bonus"] = min(o["bonus"], 2)
        o["task"] = min(o["task"], 94)
        o["capability"] = min(o["capability"], 18)

# --------------------------------------------------------------------------------------------
# Events / Sự kiện
# --------------------------------------------------------------------------------------------
events = []  # (date, subject, type, extra dict, comment)


def ev(date, subject, etype, verified=True, attrs=None, comment=None, evidence=None):
    events.append((date, subject, etype, verified, attrs or {}, comment, evidence))


MONTHS = ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
          "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
WORKDAYS = [3, 4, 5, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 22, 23, 24, 25, 26]


def day(month):
    return f"{month}-{rng.choice(WORKDAYS):02d}"


# Background history: a quarter of the other officers was late once in the year (no repeat), and a few
# minor breaches earlier in the year (outside June: they do not count for June).
for o in officers:
    if o["note"] is None and rng.random() < 0.25:
        ev(day(rng.choice(MONTHS)), o["id"], "late-arrival")
for oid, etype in [("cb-008", "badge-not-worn"), ("cb-017", "meeting-late"), ("cb-033", "improper-dress"),
                   ("cb-042", "meeting-late"), ("cb-054", "badge-not-worn"), ("cb-036", "smoking-in-office"),
                   ("cb-036", "improper-dress"), ("cb-039", "absent-from-post"), ("cb-039", "meeting-late"),
                   ("cb-012", "meeting-late"), ("cb-023", "badge-not-worn"), ("cb-047", "improper-manner"),
                   ("cb-055", "meeting-late"), ("cb-030", "entry-rules-breached"), ("cb-044", "badge-not-worn")]:
    ev(day(rng.choice(MONTHS)), oid, etype)
# Part II items in earlier months (they only count in their own month).
for oid in ["cb-010", "cb-027", "cb-040", "cb-040", "cb-053"]:
    ev(day(rng.choice(MONTHS)), oid, rng.choice(["report-late", "case-handled-late"]))

for o in officers:
    oid = o["id"]
    for i in range(o.get("late_before", 0)):
        ev(["2024-10-15", "2025-02-20", "2025-03-11"][i], oid, "late-arrival")
    for i in range(o.get("late_june", 0)):
        ev(["2025-06-03", "2025-06-17"][i], oid, "late-arrival")
    for i in range(o.get("absent", 0)):
        ev(["2025-06-05", "2025-06-24"][i], oid, "absent-from-post")
    if o.get("badge_event"):
        ev("2025-06-17", oid, "badge-not-worn")
    if o.get("meeting_late"):
        ev("2025-06-10", oid, "meeting-late")
    if o.get("smoking"):
        ev("2025-06-18", oid, "smoking-in-office")
    if o.get("gift"):
        ev("2025-06-19", oid, "gift-solicited",
           evidence="{method: citizen-report, recorded-by: {id: bp-mot-cua-ba-dinh, role: one-stop-desk}}")
    if o.get("procedure"):
        ev("2025-06-09", oid, "procedure-bypassed")
    if o.get("public_place"):
        ev("2025-06-21", oid, "public-rules-breached")
    for i in range(o.get("report_late", 0)):
        ev(["2025-06-06", "2025-06-20"][i], oid, "report-late")
    for i in range(o.get("case_late", 0)):
        ev("2025-06-13", oid, "case-handled-late")
# An unverified complaint and an unverified late arrival: recorded, not counted.
ev("2025-06-20", "cb-011", "citizen-harassment", verified=False,
   comment="phản ánh chưa xác minh: không tính / complaint not verified: not counted",
   evidence="{method: citizen-report, recorded-by: {role: citizen}}")
ev("2025-06-26", "cb-039", "late-arrival", verified=False,
   comment="chưa xác minh: không tính / not verified: not counted")

# Inspections of the codes (hanoi-units): wards need two periodic rounds a year.
ev("2024-11-28", DISTRICT, "periodic-inspection", attrs={"round": 2})
ev("2025-06-12", DISTRICT, "periodic-inspection", attrs={"round": 1})
ev("2024-11-29", "ubnd-p-quan-thanh", "periodic-inspection", attrs={"round": 2})
ev("2025-06-17", "ubnd-p-quan-thanh", "periodic-inspection", attrs={"round": 1})
ev("2024-12-03", "ubnd-p-truc-bach", "periodic-inspection", attrs={"round": 2})
ev("2025-06-18", "ubnd-p-truc-bach", "periodic-inspection", attrs={"round": 1})
ev("2025-03-14", "ubnd-p-dien-bien", "surprise-inspection",
   comment="chỉ có kiểm tra đột xuất và đợt 1: thiếu đợt 2 / only a surprise check and round 1: round 2 missing")
ev("2025-06-19", "ubnd-p-dien-bien", "periodic-inspection", attrs={"round": 1})
ev("2025-06-18", "ubnd-p-truc-bach", "office-smoking-recorded",
   comment="biên bản hút thuốc trong phòng làm việc (cb-036) / smoking in an office recorded (cb-036)")

# --------------------------------------------------------------------------------------------
# Peer units for ranking / Đơn vị cùng khối để xếp hạng (figures invented)
# --------------------------------------------------------------------------------------------
PEERS = [
    # id, name, block, PAR appraised %, survey %, SIPAS factors (access, procedure, officials, results, feedback)
    ("ubnd-hoan-kiem", "UBND quận Hoàn Kiếm", "district", 91.2, 88.4, (88, 86, 90, 87, 84)),
    ("ubnd-tay-ho", "UBND quận Tây Hồ", "district", 85.6, 83.0, (84, 82, 85, 83, 79)),
    ("so-noi-vu", "Sở Nội vụ", "department", 92.4, 89.6, (90, 88, 91, 89, 87)),
    ("so-tu-phap", "Sở Tư pháp", "department", 88.1, 86.2, (87, 85, 88, 86, 84)),
    ("so-van-hoa-the-thao", "Sở Văn hóa và Thể thao", "department", 86.3, None, None),
]
# Our own units' PAR (district only: v1 ranks departments and districts) and SIPAS factors.
OWN = {
    DISTRICT: (89.5, 87.2, (87, 85, 89, 86, 83)),
    "ubnd-p-quan-thanh": (None, None, (86, 84, 83, 85, 82)),
    "ubnd-p-truc-bach": (None, None, (89, 87, 90, 88, 86)),
    "ubnd-p-dien-bien": (None, None, (84, 82, 83, 84, 78)),
}
for pid, *_ in PEERS:
    ev(f"2025-0{rng.randint(3, 5)}-{rng.choice(WORKDAYS):02d}", pid, "periodic-inspection", attrs={"round": 1})

# --------------------------------------------------------------------------------------------
# Model units (hanoi-models) and places / Đơn vị mô hình và địa điểm
# --------------------------------------------------------------------------------------------
MODEL_SUBJECTS = [
    ("mc-ba-dinh", "one-stop-desk", "Bộ phận Một cửa quận Ba Đình", {},
     "chưa đạt: phản ánh đòi tiền (cb-009) đã xác minh / not yet: verified complaint of soliciting money (cb-009)"),
    ("cho-truc-bach", "market", "Chợ dân sinh Trúc Bạch (hư cấu)", {},
     "chưa đạt: 85% sạp niêm yết nguồn gốc, một vụ chèo kéo; kiểm tra phát hiện vi phạm / not yet: 85 % of stalls post "
     "origin, one touting case; an inspection found a breach"),
    ("dinh-yen-thanh", "relic", "Đình Yên Thành (hư cấu)", {"has-women-vendors": True},
     "đạt: di tích – điểm đến an toàn, hấp dẫn / meets the model: a safe, attractive relic"),
    ("cc-hoe-nhai", "apartment-building", "Chung cư Hòe Nhai (hư cấu)", {},
     "đạt: chung cư văn hóa / meets the model: cultured apartment building"),
    ("thcs-dien-bien", "school", "Trường THCS phường Điện Biên (hư cấu)", {},
     "đạt: trường học thân thiện / meets the model: friendly school"),
    ("tdp-quan-thanh-5", "residential-group", "Tổ dân phố số 5 phường Quán Thánh (hư cấu)", {"traffic-model": True},
     "đạt mô hình khu dân cư, chưa đạt mô hình giao thông (một vi phạm) / meets the residential model, misses the "
     "traffic model (one breach)"),
    ("vh-dien-bien", "public-place", "Vườn hoa phường Điện Biên (hư cấu)", {},
     "nơi công cộng được kiểm tra định kỳ / public place inspected periodically"),
]
ev("2024-12-10", "cho-truc-bach", "periodic-inspection", attrs={"round": 2})
ev("2025-06-16", "cho-truc-bach", "surprise-inspection")
ev("2025-06-16", "cho-truc-bach", "inspection-violation",
   comment="hàng lấn lối đi, lập biên bản / goods in the aisles, recorded")
ev("2025-06-08", "cho-truc-bach", "touting")
ev("2025-02-11", "dinh-yen-thanh", "periodic-inspection", attrs={"round": 1})
ev("2025-06-14", "vh-dien-bien", "periodic-inspection", attrs={"round": 1})
ev("2025-06-19", "mc-ba-dinh", "desk-gift-complaint")
ev("2025-06-11", "tdp-quan-thanh-5", "traffic-conduct-violation")

MODEL_OBS = {
    "mc-ba-dinh": [("all-badges-worn", True), ("all-dress-compliant", True), ("visitor-parking-fee-charged", False),
                   ("satisfaction-percent", 91.5), ("code-posted-at-counter", True)],
    "cho-truc-bach": [("licensed-stalls-percent", 100), ("food-stalls-certified-percent", 100), ("aisles-clear", True),
                      ("hygiene-ok", True), ("fire-safety-ok", True), ("price-posted-percent", 100),
                      ("origin-posted-percent", 85), ("code-posted-at-gate", True), ("waste-sorted", True),
                      ("vending-outside-market", False), ("cashless-payment", True)],
    "dinh-yen-thanh": [("code-board-at-gate", True), ("waste-sorting-bins", True), ("volunteer-guide-assigned", True),
                       ("commitment-signed", True), ("costume-support-point", True), ("cadres-informed-percent", 100),
                       ("women-informed-percent", 92), ("women-vendors-informed-percent", 100), ("visitors-queue", True)],
    "cc-hoe-nhai": [("households-signed-percent", 100), ("code-posted-stairwells-lifts", True), ("cleaning-sessions", 4),
                    ("clubs-active", True), ("cultural-group-title", True)],
    "thcs-dien-bien": [("grounds-green-clean-safe", True), ("school-code-posted", True), ("relic-care-activities", 3)],
    "tdp-quan-thanh-5": [("traffic-guidance-sessions", 2), ("mediation-functioning", True), ("civilised-rites-percent", 93),
                         ("business-environment-compliant", True), ("burials-per-planning", True),
                         ("cultural-facilities", True), ("children-at-school", True),
                         ("code-posted-cultural-house", True), ("households-informed-percent", 100)],
    "vh-dien-bien": [],
}

# --------------------------------------------------------------------------------------------
# People and organisations in public places (hanoi-1665) / Cá nhân, tổ chức nơi công cộng
# --------------------------------------------------------------------------------------------
PERSON_BASE = [("obeys-public-rules", True), ("respects-shared-space", True), ("courteous", True),
               ("dress-polite", True), ("helps-vulnerable", True), ("defends-right", True),
               ("protects-environment", True), ("visited-religious-site", False), ("visited-leisure-site", False)]
PUBLIC = [
    ("nd-001", "person", "Lương Văn Hậu (hư cấu)", {"public-employee": False}, {},
     "người dân, ứng xử văn minh / resident, civil conduct"),
    ("nd-002", "person", "Kiều Minh Đức (hư cấu)", {"public-employee": False},
     {"obeys-public-rules": False, "protects-environment": False},
     "xả rác, khạc nhổ ở vườn hoa; 4 vi phạm trong 12 tháng: nhắc nhở và đề xuất phê bình công khai / littering and "
     "spitting in a garden; 4 breaches in 12 months: reminder and proposed public criticism"),
    ("nd-003", "person", "Tạ Thu Trang (hư cấu)", {"public-employee": True},
     {"visited-religious-site": True, "respects-belief-freedom": True, "keeps-rituals": True,
      "follows-worship-site-rules": True, "quiet-orderly-at-worship-site": True},
     "viên chức đi lễ ngoài giờ, ứng xử đúng mực tại đình / public employee visiting the temple after hours, proper conduct"),
    ("hkd-001", "organisation", "Hộ kinh doanh quán ăn số 12 phố Hòe Nhai (hư cấu)", {},
     {"respects-shared-space": False},
     "lấn chiếm vỉa hè, biển hiệu trái phép / occupies the sidewalk, illegal signboard"),
    ("btc-le-hoi", "organisation", "Ban tổ chức lễ hội đình Yên Thành (hư cấu)", {}, {},
     "ban tổ chức lễ hội, không vi phạm / festival committee, no breach"),
]
ev("2024-09-14", "nd-002", "littering", attrs={"place-type": "sidewalk"})
ev("2025-01-05", "nd-002", "noise", attrs={"place-type": "park-square"})
ev("2025-06-07", "nd-002", "littering", attrs={"place-type": "park-square"})
ev("2025-06-22", "nd-002", "smoking-spitting-urinating", attrs={"place-type": "park-square"})
ev("2025-03-02", "hkd-001", "sidewalk-occupied", attrs={"place-type": "sidewalk"})
ev("2025-06-15", "hkd-001", "sidewalk-occupied", attrs={"place-type": "sidewalk"})
ev("2025-06-15", "hkd-001", "illegal-signboard", attrs={"place-type": "sidewalk"})

# --------------------------------------------------------------------------------------------
# Writer
# --------------------------------------------------------------------------------------------


def val(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return f"{v:g}" if isinstance(v, float) else str(v)
    return v


def attrs_text(attrs):
    return "{" + ", ".join(f"{k}: {val(v)}" for k, v in attrs.items()) + "}"


def obs(lines, subject, indicator, value, by=None, on=None, method=None, comment=None, evidence=None):
    parts = [f"subject: {subject}", f"indicator: {indicator}", f"value: {val(value)}"]
    if by:
        parts.append(f'observed-by: "{by}"')
    if on:
        parts.append(f"observed-on: {on}")
    if method:
        parts.append(f"method: {method}")
    if evidence:
        parts.append(f"evidence: {evidence}")
    lines.append("  - {" + ", ".join(parts) + "}" + (f"   # {comment}" if comment else ""))


out = []
w = out.append
# an inspection record, its scan's digest and where it is published (invented, like every figure here)
INSPECTION_RECORD = ('{recorded-by: {id: doan-kiem-tra-tp, role: inspection-team}, references: [{document: "12/BB-KTCV",'
                     ' digest: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",'
                     ' url: "https://badinh.hanoi.gov.vn/bien-ban/12-BB-KTCV.pdf"}]}')
w("# Conduct — dữ liệu mẫu / sample facts: một quận hư cấu của Hà Nội, tháng 6/2025 / a fictional Hanoi district, June 2025.")
w("#")
w("# vi: Quận Ba Đình (UBND quận và 3 phường, 60 cán bộ), bộ phận một cửa, chợ, di tích, chung cư, trường học, tổ dân")
w("#     phố, vườn hoa, vài cá nhân và tổ chức nơi công cộng, cùng 2 quận và 3 sở để xếp hạng. Tên người là hư cấu; tên")
w("#     cơ quan, địa danh chỉ làm bối cảnh; mọi số liệu (CCHC, SIPAS, điểm, vi phạm) đều do tác giả đặt ra.")
w("#     Sự kiện cả năm (7/2024 – 6/2025), quan sát tháng 6. Sao chép tệp này làm mẫu cho dữ liệu của bạn.")
w("# en: Ba Đình district (its committee and 3 wards, 60 officers), a one-stop desk, a market, a relic, an apartment")
w("#     building, a school, a residential group, a garden, a few people and organisations in public places, and 2")
w("#     districts and 3 departments as peers for ranking. People are fictional; agency and place names are only a")
w("#     setting; every figure (PAR, SIPAS, scores, breaches) is invented. Events cover a year (July 2024 – June")
w("#     2025), observations June. Copy this file as the template for your own facts.")
w("#")
w("# Generated by rules-hanoi/tools/generate-demo.py (fixed seed): edit the script, not this file, and run it again.")
w("# Tạo bởi rules-hanoi/tools/generate-demo.py (hạt giống cố định): sửa tập lệnh rồi chạy lại, không sửa tay tệp này.")
w("# 30/6/2025 là ngày cuối cùng của cấp quận (từ 1/7/2025 Hà Nội không còn quận, huyện): hanoi-units 1.2.0 còn hiệu lực.")
w("# 30 June 2025 is the last day of Hanoi's district level: hanoi-units 1.2.0 is still in force.")
w("# Chỉ cho ngày, không cho kỳ: mỗi bộ quy tắc xét kỳ của mình — phiếu tháng (hanoi-3814) xét tháng 6/2025, hanoi-units")
w("# xét năm 2025 đến ngày 30/6; các bộ khác xét tháng chứa ngày đó. / Only a date, no period: each pack judges its own")
w("# period — the monthly sheet June 2025, hanoi-units the year 2025 up to 30 June, the other packs the month of the date.")
w("format: 2    # evidence on facts: who recorded them, how, and the documents behind them (facts-format.md 5.1)")
w(f"decided-on: {AS_OF}")
w("# Bỏ hanoi-yearly: xếp loại cuối năm vào tháng 6 sẽ CHƯA RÕ hết / hanoi-yearly left out: a year-end grading in June")
w("# would be all UNKNOWN.")
w(f"packs: [{', '.join(PACKS)}]")
w("")
w("subjects:")
for uid, uname, block, parent, *_ in UNITS:
    w("")
    if uid == DISTRICT:
        w("  # --- UBND quận (khối quận, huyện): được chấm CCHC, SIPAS và xếp hạng / district committee: PAR, SIPAS, ranked")
    elif uid == "ubnd-p-truc-bach":
        w("  # --- phường (khối xã, phường): SIPAS xếp hạng trong khối; chưa đạt mô hình cơ quan xanh (hút thuốc, chỗ làm")
        w("  #     việc bừa bộn) / ward (commune block): SIPAS ranked in its block; misses the green-agency model")
    elif uid == "ubnd-p-dien-bien":
        w("  # --- phường: thiếu đợt kiểm tra 2, một cán bộ chưa ký cam kết, SIPAS góp ý 78% / ward: periodic round 2")
        w("  #     missing, one officer has not signed the commitment, SIPAS feedback 78 %")
    else:
        w("  # --- phường (khối xã, phường) / ward (commune block)")
    p = f", parent: {parent}" if parent else ""
    w(f'  - {{id: {uid}, type: agency, name: "{uname}"{p}, attributes: {{block: {block}, exceptional: false}}}}')
    for o in officers:
        if o["unit"] != uid:
            continue
        if o["note"]:
            w(f"  # {o['id']}: {o['note']}")
        pos = "leader" if o["leader"] else "staff"
        i = int(o["id"][3:])  # unless set above, joined before the 2020 commitment deadline, over 2005-2019
        joined = o.get("joined") or f"{2005 + (i * 7) % 15}-{1 + (i * 5) % 12:02d}-01"
        w(f'  - {{id: {o["id"]}, type: officer, name: "{o["name"]}", parent: {uid}, attributes: {{position: {pos}, joined-on: {joined}}}}}')
w("")
w("  # --- Đơn vị cùng khối để xếp hạng (số liệu hư cấu) / peer units for ranking (invented figures)")
w("  # Không có cán bộ trong tệp: các quy tắc tính tỷ lệ cán bộ (ký cam kết, chỗ làm việc) CHƯA RÕ với các đơn vị này.")
w("  # No officers in the file: rules on the share of officers (commitment, tidy workplaces) are UNKNOWN for them.")
for pid, pname, block, *_ in PEERS:
    if pid == "so-van-hoa-the-thao":
        w("  # chưa có kết quả SIPAS: không được xếp hạng SIPAS (CHƯA RÕ) / no SIPAS results yet: not ranked on SIPAS (UNKNOWN)")
    w(f'  - {{id: {pid}, type: agency, name: "{pname}", attributes: {{block: {block}, exceptional: false}}}}')
w("")
w("  # --- Đơn vị mô hình tuyên truyền Quy tắc ứng xử (hanoi-models) và nơi công cộng / model units and places")
for sid, stype, sname, attrs, note in MODEL_SUBJECTS:
    w(f"  # {note}")
    a = f", attributes: {attrs_text(attrs)}" if attrs else ""
    w(f'  - {{id: {sid}, type: {stype}, name: "{sname}"{a}}}')
w("")
w("  # --- Cá nhân, tổ chức nơi công cộng (hanoi-1665) / people and organisations in public places")
for sid, stype, sname, attrs, _, note in PUBLIC:
    w(f"  # {note}")
    a = f", attributes: {attrs_text(attrs)}" if attrs else ""
    w(f'  - {{id: {sid}, type: {stype}, name: "{sname}"{a}}}')

w("")
w("observations:")
unit_info = {u[0]: u for u in UNITS}
for uid, uname, block, parent, insp_on, team, head in UNITS:
    w("")
    w(f"  # {uname}: kiểm tra ngày {insp_on} / inspected on {insp_on}")
    for ind, v in [("code-posted-on-desks", True), ("code-posted-visibly", True), ("visitor-parking-fee-charged", False),
                   ("commercial-advertising-displayed", False), ("perimeter-clean", True), ("green-space-kept", True)]:
        obs(out, uid, ind, v, team, insp_on, "inspection")
    obs(out, uid, "cleaning-days", 4, head, PERIOD[1], "record")
    par_a, par_s, sipas = OWN[uid]
    if block in ("district", "department"):
        obs(out, uid, "conduct-plan-issued", True, "Văn phòng HĐND và UBND quận", "2025-01-15", "record")
        obs(out, uid, "par-survey-conducted", True, "Sở Nội vụ", "2025-04-10", "record")
        obs(out, uid, "par-appraisal-points", par_points(par_a, 0.7), "Sở Nội vụ", "2025-04-10", "record")
        obs(out, uid, "par-survey-points", par_points(par_s, 0.3), "Sở Nội vụ", "2025-04-10", "record")
    factors = ["sipas-access-percent", "sipas-procedure-percent", "sipas-officials-percent",
               "sipas-results-percent", "sipas-feedback-percent"]
    for ind, v in zip(factors, sipas):
        obs(out, uid, ind, v, "Sở Nội vụ", "2025-04-10", "survey")
    obs(out, uid, "sipas-percent", round(sum(sipas) / 5, 1), "Sở Nội vụ", "2025-04-10", "survey")
    for o in officers:
        if o["unit"] != uid:
            continue
        oid = o["id"]
        w(f"  # {oid} {o['name']}")
        for ind, key in [("badge-worn", "badge"), ("dress-compliant", "dress"), ("workplace-tidy", "tidy")]:
            # the first officer's inspection record, as a format 2 file gives its documents (facts-format.md 5.1)
            obs(out, oid, ind, o[key], team, insp_on, "inspection",
                comment="không quan sát được / not observed" if o[key] is None else None,
                evidence=INSPECTION_RECORD if oid == "cb-001" else None)
        obs(out, oid, "signed-commitment", o["signed"], None, o["signed_on"] if o["signed"] else "2025-06-30", "record")
        if o["signed"]:
            obs(out, oid, "commitment-signed-on", o["signed_on"], None, o["signed_on"], "record")
        for ind, key in [("exemplary-compliance", "exemplary"), ("diligent-manner", "diligent"),
                         ("internal-unity", "unity"), ("capability-points", "capability"),
                         ("task-completion", "task"), ("bonus-points", "bonus")]:
            obs(out, oid, ind, o[key], head, PERIOD[1], "assessment")

w("")
w("  # --- Đơn vị cùng khối: CCHC (PAR), SIPAS, niêm yết quy tắc, cơ quan xanh / peers: PAR, SIPAS, code posting, green agency")
for pid, pname, block, par_a, par_s, sipas in PEERS:
    w(f"  # {pname}")
    for ind, v in [("code-posted-on-desks", True), ("code-posted-visibly", True), ("visitor-parking-fee-charged", False),
                   ("commercial-advertising-displayed", False), ("perimeter-clean", True), ("green-space-kept", True)]:
        obs(out, pid, ind, v, "Đoàn kiểm tra công vụ thành phố", "2025-05-20", "inspection")
    obs(out, pid, "cleaning-days", 4, None, PERIOD[1], "record")
    obs(out, pid, "conduct-plan-issued", True, None, "2025-01-15", "record")
    obs(out, pid, "par-survey-conducted", par_s is not None, "Sở Nội vụ", "2025-04-10", "record",
        comment=None if par_s is not None else "không điều tra xã hội học: điểm thẩm định quy về thang 100 / "
        "no survey: the appraised score is scaled to 100")
    obs(out, pid, "par-appraisal-points", par_points(par_a, 0.7), "Sở Nội vụ", "2025-04-10", "record")
    if par_s is not None:
        obs(out, pid, "par-survey-points", par_points(par_s, 0.3), "Sở Nội vụ", "2025-04-10", "record")
    factors = ["sipas-access-percent", "sipas-procedure-percent", "sipas-officials-percent",
               "sipas-results-percent", "sipas-feedback-percent"]
    if sipas is None:
        for ind in factors + ["sipas-percent"]:
            obs(out, pid, ind, None, "Sở Nội vụ", None, "survey", comment="chưa công bố / not yet published")
    else:
        for ind, v in zip(factors, sipas):
            obs(out, pid, ind, v, "Sở Nội vụ", "2025-04-10", "survey")
        obs(out, pid, "sipas-percent", round(sum(sipas) / 5, 1), "Sở Nội vụ", "2025-04-10", "survey")

w("")
w("  # --- Đơn vị mô hình: kết quả kiểm tra tháng 6 / model units: June checks")
for sid, stype, sname, *_ in MODEL_SUBJECTS:
    if not MODEL_OBS[sid]:
        continue
    w(f"  # {sname}")
    for ind, v in MODEL_OBS[sid]:
        comment = None
        if sid == "cho-truc-bach" and ind == "origin-posted-percent":
            comment = "dưới 100%: chưa đạt / under 100 %: not yet"
        obs(out, sid, ind, v, "Phòng Văn hóa và Thông tin quận", "2025-06-16", "inspection", comment=comment)

w("")
w("  # --- Cá nhân, tổ chức nơi công cộng: đánh giá trong kỳ / people and organisations: assessed in the period")
for sid, stype, sname, attrs, over, _ in PUBLIC:
    w(f"  # {sname}")
    base = PERSON_BASE if stype == "person" else [x for x in PERSON_BASE if x[0] in
                                                 ("obeys-public-rules", "respects-shared-space", "protects-environment")]
    values = dict(base)
    values.update(over)
    for ind, v in values.items():
        obs(out, sid, ind, v, "UBND phường (tổ dân phố)", PERIOD[1], "assessment")

w("")
w("events:")
events.sort(key=lambda e: (e[0], e[1], e[2]))
month = None
for n, (date, subject, etype, verified, attrs, comment, evidence) in enumerate(events, 1):
    if date[:7] != month:
        month = date[:7]
        if month == "2025-06":
            w("  # --- Tháng 6/2025: kỳ đánh giá / June 2025: the evaluation period")
        else:
            w(f"  # --- {month}")
    if comment:
        w(f"  # {comment}")
    parts = [f"id: ev-{n:03d}", f"subject: {subject}", f"type: {etype}", f"date: {date}"]
    if not verified:
        parts.append("verified: false")
    if attrs:
        parts.append(f"attributes: {attrs_text(attrs)}")
    if evidence:
        parts.append(f"evidence: {evidence}")
    w("  - {" + ", ".join(parts) + "}")

text = "\n".join(out) + "\n"
if "--stdout" in sys.argv[1:]:
    sys.stdout.write(text)
else:
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(officers)} officers, {len(events)} events)", file=sys.stderr)
