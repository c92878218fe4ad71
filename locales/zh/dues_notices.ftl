## 党费月度提醒、汇总、欠交预警和上报（定时发送）

# 党员：交费日提醒
duesn-reminder = 💰 { $branch }：{ $month } 的党费为 { $amount } 元，请按时交纳。
duesn-reminder-due = 💰 { $branch }：{ $month } 的党费已到交纳时间，请按时交纳。
duesn-reminder-earlier = 此前还有 { $count } 个月未交（仍可补交），连同本月共 { $owed } 元。
duesn-hint-member = 发送 /dues 查看党费账户或报告交纳。

# 支委：月度汇总
duesn-digest-header = 📋 { $branch } · { $month } 党费收缴情况
duesn-digest-assessed = 已核定党费的党员：{ $assessed } 人（其中免交 { $exempt } 人）
duesn-digest-paid = 已交 { $paid } 人，未交 { $unpaid } 人
duesn-digest-totals = 应交 { $due } 元，已收 { $received } 元
duesn-digest-all-paid = ✅ 应交党费的党员均已交纳。
duesn-digest-unpaid-header = 未交名单：
duesn-line-unpaid = • { $name }：{ $amount } 元（连续 { $months } 个月未交）
duesn-digest-unassessed = 尚未核定党费的党员：{ $count } 人
duesn-digest-warned-header = ⚠️ 本次新增欠交预警：
duesn-line-warned = • { $name }：连续 { $months } 个月未交，共 { $owed } 元（{ $level }）
duesn-level-warning = 预警
duesn-level-urgent = 紧急预警
duesn-level-escalation = 已报上级党委
duesn-list-more = ……另有 { $count } 人。
duesn-digest-hint = 发送 /dues 登记交纳、核定党费。

# 欠交预警：支委（汇总已错过时）和党员本人
duesn-arrears-officers-header = ⚠️ { $branch } · { $month } 党费欠交预警
duesn-arrears-warning = ⚠️ { $branch }：您已连续 { $months } 个月（{ $first } 至 { $last }）未交党费，共 { $owed } 元，请尽快补交。
duesn-arrears-urgent = ❗ { $branch }：您已连续 { $months } 个月（{ $first } 至 { $last }）未交党费，共 { $owed } 元。没有正当理由连续六个月不交纳党费，将被认为是自行脱党，请立即补交。
duesn-arrears-escalation = 🚨 { $branch }：您已连续 { $months } 个月（{ $first } 至 { $last }）未交党费，共 { $owed } 元。根据《中国共产党章程》第九条，党员没有正当理由，连续六个月不交纳党费，就被认为是自行脱党。请立即与支部书记联系。

# 上级党委：连续六个月未交
duesn-escalation-header = 🚨 { $committee } · { $month }：连续六个月及以上未交党费的党员 { $count } 人（有自行脱党风险，党章第九条）
duesn-line-escalated = • { $branch } · { $name }：连续 { $months } 个月
duesn-escalation-hint = 请督促所在支部及时谈心谈话，了解原因，依规妥善处理。
