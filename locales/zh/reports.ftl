command-report = 工作报表：会议、出勤、党费、诉求；导出台账
report-error-period = 该时段尚未开始。
report-error-weights = 权重须为 0–100 的整数，且至少一项大于 0。
report-error-stars = 星级门槛须为四个 1–100 的整数，依次递减。
