command-report = 工作报表：会议、出勤、党费、诉求；导出台账
report-error-period = 该时段尚未开始。
report-error-weights = 权重须为 0–100 的整数，且至少一项大于 0。
report-error-stars = 星级门槛须为四个 1–100 的整数，依次递减。

## /report：选择
report-choose = 查看哪里的工作报表？
report-none = 您负责的组织下面还没有支部。
report-button-committee = 📊 { $name }（下级各支部）
report-button-branch = 📋 { $name }
report-button-back = ⬅ 返回

## 时段按钮
report-button-this-monthly = 本月
report-button-last-monthly = 上月
report-button-this-quarterly = 本季度
report-button-last-quarterly = 上季度
report-button-this-yearly = 今年
report-button-last-yearly = 去年
report-caption = 📊 { $name } · { $period }

## 支部报表
report-branch-header = 📋「{ $branch }」{ $period }工作报表（统计至 { $through }）
report-meetings = 🗓 会议：应开 { $required } 次，已开 { $held } 次
report-meetings-none = 本期没有要求定期召开的会议。
report-kind-line = {"    "}· { $kind }（{ $frequency }）：已开 { $held }，未开 { $missed }，未到期 { $open }
report-attendance = 🙋 出勤率 { $rate }（实到 { $present } / 应到 { $invited } 人次）
report-meeting-line = • { $date } { $kind }「{ $title }」：实到 { $present } / 应到 { $invited }，请假 { $leave }（{ $rate }）
report-more-meetings = …… 另有 { $count } 次会议，见组织生活记录册
report-dues = 💰 党费：应交 { $due } 元，已交 { $paid } 元；已交 { $months_paid } / { $months_due } 人·月（{ $rate }）
report-tickets = 🤝 群众诉求：反映 { $reported } 件，办结 { $resolved } 件，超期 { $overdue } 件，平均评分 { $rating }（{ $rated } 人评价）
report-guidance = 📘 月度指引：收到 { $received } 份，已确认 { $acknowledged } 份（{ $rate }）

## 导出
report-button-export-register = 📥 组织生活记录册
report-button-export-attendance = 📥 出勤表
report-button-export-dues = 📥 党费台账
report-button-export-tickets = 📥 诉求台账
report-button-export-committee = 📥 各支部评分表
report-title-register = 「{ $name }」{ $period }组织生活记录册
report-title-attendance = 「{ $name }」{ $period }党员出勤表
report-title-tickets = 「{ $name }」{ $period }群众诉求台账
report-title-committee = 「{ $name }」{ $period }下级支部工作评分
report-export-preparing = ⏳ 正在生成 { $name }……
report-export-progress = ⏳ 正在生成……{ $percent }%
report-export-done = ✅ 已生成 { $name }
report-export-busy = 这份表格正在生成，请稍候。
report-export-failed = ⚠ { $name } 没有生成成功，请稍后再点一次。
report-export-interrupted = ⚠ 机器人正在重启，{ $name } 没有生成完，请稍后再点一次。

## 党委：各支部评分
report-committee-header = 📊「{ $committee }」下级支部{ $period }工作评分
report-committee-empty = 下面还没有支部。
report-committee-count = 共 { $total } 个支部。
report-committee-level = { $stars } { $count } 个
report-committee-unscored = 暂无数据 { $count } 个
report-committee-list = 按得分从低到高（低分支部更需要帮助）：
report-committee-line = { $number }. { $branch }：{ $points } 分 { $stars }
report-committee-line-unscored = { $number }. { $branch }：暂无数据
report-committee-page = 第 { $page }/{ $pages } 页
report-committee-hint = 点支部名称查看该支部的报表。只给支部评分，不给党员个人排名。
report-button-weights = ⚖ 评分规则

## 评分规则
report-weights-header = ⚖「{ $committee }」下级支部的评分规则（{ $source }）：
report-source-own = 本级设置
report-source-above = 上级设置
report-source-default = 默认
report-weight-line = • { $component }：权重 { $weight }
report-stars-level = { $stars } ≥ { $points }
report-stars-line = 星级：{ $levels }，其余 { $lowest }
report-score-explained = 怎么算分：每一项是本期的一个比例——要求的会议开了几成、到会出勤的比例、应交党费的人·月交了几成、到期的群众诉求按时办结了几成、群众的平均评分（满分 5 分）、收到的月度指引确认了几成。得分是有数据各项按权重的平均，乘以 100；某项本期没有数据（比如没有人反映诉求），就不计入，它的权重分给其余各项。没有任何数据的支部不评分。设置适用于本级以下所有支部，下级党委另有设置的除外。
report-component-meetings = 会议召开
report-component-attendance = 会议出勤
report-component-dues = 党费收缴
report-component-tickets = 诉求按时办结
report-component-satisfaction = 群众满意度
report-component-guidance = 指引确认
report-button-weight = { $sign } { $component } → { $weight }
report-button-stars = ★ 设置星级门槛
report-button-reset = ↺ 恢复默认
report-weight-saved = ✅ 已保存
report-weights-reset = ✅ 已恢复上级设置或默认
report-stars-ask = 请发送四个依次递减的分数，分别是五星、四星、三星、二星的最低分（1–100），用空格隔开。现在是：{ $current }
report-stars-saved = ✅ 星级门槛已保存。
