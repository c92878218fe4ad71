command-deadlines = 三会一课完成情况与截止提醒

## 周期与频次
deadlines-period-monthly = { $year }年{ $month }月
deadlines-period-quarterly = { $year }年第{ $quarter ->
    [1] 一
    [2] 二
    [3] 三
   *[4] 四
}季度
deadlines-period-yearly = { $year }年
deadlines-frequency-monthly = 每月
deadlines-frequency-quarterly = 每季度
deadlines-frequency-yearly = 每年
deadlines-frequency-none = 不要求

## /deadlines：选择
deadlines-choose = 查看哪里的三会一课完成情况？
deadlines-button-committee = 📊 { $name }（下级各支部）
deadlines-button-branch = 📅 { $name }
deadlines-button-back = ⬅ 返回
deadlines-button-frequencies = ⚙ 会议频次要求
deadlines-button-reset = ↺ 恢复默认
deadlines-button-kind = { $kind }：{ $frequency }

## 支部：本期情况
deadlines-branch-header = 📅「{ $branch }」三会一课完成情况（{ $today }）
deadlines-branch-none = 目前没有要求本支部定期召开的会议。
deadlines-kind-line = { $kind } · { $frequency } · { $period }：{ $status }
deadlines-status-held = ✅ 已召开（{ $date }）
deadlines-status-scheduled = 🗓 已安排（{ $date }）
deadlines-status-missing = ❌ 未召开也未安排，距截止（{ $deadline }）还有 { $days } 天
deadlines-status-groups-held = ✅ 各党小组都已召开
deadlines-status-groups-scheduled = 🗓 各党小组都已召开或已安排
deadlines-status-groups-missing = ❌ 有党小组未召开也未安排，距截止（{ $deadline }）还有 { $days } 天
deadlines-group-line = {"    "}· { $group }：{ $status }
deadlines-group-held = ✅ 已召开（{ $date }）
deadlines-group-scheduled = 🗓 已安排（{ $date }）
deadlines-group-missing = ❌ 未安排
deadlines-branch-hint = 安排会议请用 /meeting。会议开始后有签到并经确认，才算已召开。

## 党委：下级支部本期情况
deadlines-committee-header = 📊「{ $committee }」下级支部三会一课本期情况（{ $today }）
deadlines-committee-empty = 下面还没有支部。
deadlines-committee-all-done = 共 { $total } 个支部，本期要求的会议都已召开或已安排。
deadlines-committee-counts = 共 { $total } 个支部，其中 { $behind } 个支部有会议未召开也未安排：
deadlines-committee-line = • { $branch }：{ $kinds }
deadlines-committee-page = 第 { $page }/{ $pages } 页

## 党委：会议频次
deadlines-frequencies-header = ⚙「{ $committee }」对下级各支部的会议频次要求：
deadlines-frequency-line = { $kind }：{ $frequency }（{ $source }）
deadlines-source-own = 本级设置
deadlines-source-above = 上级设置
deadlines-source-default = 默认
deadlines-frequencies-hint = 点按钮切换：每月 → 每季度 → 每年 → 不要求。设置适用于本级以下所有支部，下级党委另有设置的除外。
deadlines-frequency-saved = ✅ 已保存
deadlines-frequencies-reset = ✅ 已恢复默认
deadlines-error-kind = 这类会议不能设置频次。

## 提醒与通报（发给书记、支委和党委管理员）
deadlines-reminder-header = ⏰「{ $branch }」{ $period }要求的会议还没有召开或安排，距截止（{ $deadline }）还有 { $days } 天：
deadlines-reminder-line = • { $kind }
deadlines-reminder-groups = • { $kind }（{ $groups }）
deadlines-reminder-hint = 请用 /meeting 安排会议；会后确认签到，才算已召开。发送 /deadlines 查看全部情况。
deadlines-missed-header = 📋「{ $committee }」{ $period }三会一课通报：{ $total } 个支部中有 { $missed } 个没有按要求召开会议：
deadlines-missed-line = • { $branch }：{ $kinds }
deadlines-missed-kind-groups = { $kind }（{ $groups }）
deadlines-more = …… 另有 { $count } 项
deadlines-missed-more = …… 另有 { $count } 个支部
deadlines-missed-hint = 只统计已召开并有确认签到的会议。发送 /deadlines 查看本期情况。
