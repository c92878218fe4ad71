outbox-progress = 📤 正在发送：已送达 { $sent } / 待发送 { $pending } / 无法送达 { $unreachable } / 失败 { $failed }，共 { $total } 人
outbox-report = ✅ 发送完成，用时 { $elapsed }：共 { $total } 人，已送达 { $sent }，无法送达 { $unreachable }，失败 { $failed }。
outbox-report-unreachable = 无法送达（已屏蔽机器人或已注销 Telegram），共 { $count } 人：
outbox-report-failed = 多次重试后仍未送达，共 { $count } 人：
outbox-report-more = ……另有 { $count } 人
outbox-name-separator = {"、"}
outbox-elapsed-short = { $minutes } 分 { $seconds } 秒
outbox-elapsed-long = { $hours } 小时 { $minutes } 分
