command-guidance = 月度指引：编写与发布
command-coverage = 指引落实情况（各支部）
command-themedday = 设置本支部主题党日

## 月度指引：编写与发布（组织部管理员）
guidance-choose-committee = 为哪个党委处理指引？
guidance-months-header = 「{ $committee }」的月度指引。选择月份编写、修改或查看：
guidance-status-none = 未编写
guidance-status-draft = 草稿
guidance-status-scheduled = 定时发布
guidance-status-published = 已发布
guidance-ask-theme = { $month } 月度指引：本月主题是什么？请直接发送。
guidance-current = 当前：{ $value }
guidance-ask-body = 请发送指引正文（学习要求、工作安排等），或点按钮。
guidance-ask-materials =
    学习材料（已添加 { $count } 项）：发送链接（每行一个，可在链接前写名称），或直接发送文件、图片。
    添加完点“完成”。
guidance-material-added = 已添加，共 { $count } 项材料。继续发送，或点“完成”。
guidance-materials-done = ✅ 完成（{ $count } 项）
guidance-materials-clear = 🗑 清空材料
guidance-ask-activities = 请发送建议开展的活动，或点按钮。
guidance-ask-deadline = 各支部须在哪天之前召开主题党日？请发送日期（{ $first } 至 { $last }），如“12-20”或“20”。
guidance-ask-publish = 什么时候发布？发送“年-月-日 时:分”（时区 { $zone }），或点按钮；选“跳过”则稍后在预览中立即发布或存为草稿。
guidance-ask-members = 除支部书记、副书记外，是否同时发给全体党员？
guidance-members-yes = 👥 同时发给全体党员
guidance-members-no = 👤 只发给支部书记、副书记
guidance-use-default = 用 { $value }
guidance-keep = 保持不变
guidance-skip = 跳过
guidance-abort = ✖ 不编写了
guidance-text-expected = 请按提示发送文字，或点按钮；发送 /cancel 取消。
guidance-preview-header = 请核对指引：
guidance-line-audience = 发送对象：{ $audience }
guidance-audience-officers = 各支部书记、副书记
guidance-audience-members = 各支部书记、副书记和全体党员
guidance-line-publish-at = 定时发布：{ $time }
guidance-save-draft = 💾 存为草稿
guidance-save-schedule = ⏰ 定时发布（{ $time }）
guidance-publish-now = 📢 立即发布
guidance-draft-saved = 💾 { $month } 指引已存为草稿。发送 /guidance 可继续修改。
guidance-scheduled = ⏰ { $month } 指引将于 { $time } 发布。发布前仍可修改。
guidance-published = 📢 { $month } 指引「{ $theme }」已发布，正在发送给各支部。
guidance-already-published = 已于 { $time } 发布，不能再修改。
guidance-button-coverage = 📊 落实情况

## 指引消息
guidance-message-header = 📢 { $committee } · { $month } 月度指引
guidance-line-theme = 主题：{ $theme }
guidance-line-deadline = 主题党日完成时限：{ $deadline } 前
guidance-line-activities = 建议活动：
guidance-line-materials = 学习材料：
guidance-material-link = 🔗 { $name }：{ $url }
guidance-material-file = 📎 { $name }
guidance-material-document = 文件
guidance-material-photo = 图片
guidance-files-hint = 文件和图片请点“学习材料”按钮获取。
guidance-ack-hint = 请支部书记点“已收到”确认。
guidance-button-ack = ✅ 已收到
guidance-button-files = 📎 学习材料
guidance-acknowledged = ✅ 已确认收到：{ $branches }
guidance-files-sending = 正在发送 { $count } 个文件。
guidance-reminder-header = ⏰ { $branch }：{ $month } 主题党日还有 { $days } 天截止（{ $deadline }）。
guidance-reminder-not-acknowledged = · 尚未确认收到本月指引
guidance-reminder-not-scheduled = · 尚未安排本月主题党日（发送 /meeting 安排）
guidance-missed-header = 📋 { $month } 主题党日落实情况（{ $theme }，截止 { $deadline }）
guidance-missed-count = 未按时召开：{ $missed } / { $total } 个支部
guidance-missed-none = 全部 { $total } 个支部均已按时召开。
guidance-missed-hint = 发送 /coverage 查看详细情况。
guidance-list-more = ……另有 { $count } 个。

## 错误
guidance-error-month = 月份不对。
guidance-error-theme = 主题不能为空，最多 { $max } 个字。
guidance-error-body = 正文最多 { $max } 个字。
guidance-error-activities = 活动内容最多 { $max } 个字。
guidance-error-materials = 学习材料最多 { $max } 项。
guidance-error-material = 这项材料无法使用。
guidance-error-link = 没有找到链接。请发送以 http:// 或 https:// 开头的链接，或发送文件、图片。
guidance-error-deadline = 时限须在 { $first } 至 { $last } 之间，请重新发送，如“12-20”。
guidance-error-deadline-past = 时限已过，不能发布。请先修改时限。
guidance-error-publish-when = 没看懂这个时间。请按“年-月-日 时:分”发送，例如 2026-12-01 09:00。
guidance-error-publish-past = 发布时间已过，请选一个将来的时间，或立即发布。
guidance-error-publish-late = 发布时间须早于时限。
guidance-error-published = 这个月的指引已经发布，不能再修改。
guidance-error-conflict = 这个月的指引刚被别人保存，请发送 /guidance 重新打开。
guidance-error-gone = 这份指引已不存在或尚未发布。
guidance-error-not-officer = 只有收到指引的支部书记、副书记可以确认。
guidance-error-acknowledged = 已经确认过了，无需重复。

## 落实情况
coverage-none = 还没有已发布的指引。
coverage-header = 📊 { $committee } · { $month } 指引落实情况
    主题：{ $theme }（时限 { $deadline }）
coverage-counts =
    支部总数：{ $total }
    已送达：{ $reached }
    已确认：{ $acknowledged }
    已安排主题党日：{ $scheduled }
    已召开：{ $held }
coverage-not-acknowledged = 未确认（{ $count }）：
coverage-not-scheduled = 未安排（{ $count }）：
coverage-not-held = 未召开（{ $count }）：

## 主题党日
themedday-no-branch = 您不是任何党支部的书记或副书记。
themedday-choose-branch = 设置哪个支部的主题党日？
themedday-unset = 「{ $branch }」还没有固定的主题党日。
themedday-current =
    「{ $branch }」的主题党日：{ $rule }
    接下来三次：{ $dates }
themedday-how = 选公历或农历，再选日期。农历日期在公历月里找不到时（如小月没有三十），当月最后一天即为主题党日。
themedday-choose-solar = 📅 公历日期
themedday-choose-lunar = 🌙 农历日期
themedday-clear = 🗑 取消固定日期
themedday-back = ◀ 返回
themedday-ask-solar = 「{ $branch }」：每月几号？（月份没有这一天时取当月最后一天）
themedday-ask-lunar = 「{ $branch }」：农历每月哪一天？
themedday-saved = ✅ 已保存。
themedday-error-day = 这个日期不能用作主题党日。
themedday-rule-solar = 每月 { $day } 日
themedday-rule-lunar = 农历每月{ $day }
themedday-reminder =
    📅 { $branch } 主题党日：{ $date }（{ $rule }）
    本月主题：{ $theme }
    请安排好时间参加。
lunar-day-name = { $day ->
    [1] 初一
    [2] 初二
    [3] 初三
    [4] 初四
    [5] 初五
    [6] 初六
    [7] 初七
    [8] 初八
    [9] 初九
    [10] 初十
    [11] 十一
    [12] 十二
    [13] 十三
    [14] 十四
    [15] 十五
    [16] 十六
    [17] 十七
    [18] 十八
    [19] 十九
    [20] 二十
    [21] 廿一
    [22] 廿二
    [23] 廿三
    [24] 廿四
    [25] 廿五
    [26] 廿六
    [27] 廿七
    [28] 廿八
    [29] 廿九
    [30] 三十
   *[other] { $day }
}
meeting-themed-date = 📅 本支部主题党日 { $date } { $time }
