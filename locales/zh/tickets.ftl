command-need = 反映诉求（点单）
command-tickets = 诉求单

## /need: reporting a need (点单)
ticket-abort = ✖ 取消
ticket-submit = ✅ 提交
ticket-ask-branch = 向哪个支部反映？
ticket-ask-category = 向「{ $org }」反映什么方面的诉求？
ticket-ask-description = 【{ $category }】请用文字描述您的诉求，或直接发一条语音。
ticket-description-expected = 请发送文字描述或一条语音。
ticket-ask-extras = 可以再发几张照片（最多 5 张）或共享位置，然后点“提交”；没有就直接提交。
ticket-photo-added = 已收到第 { $count } 张照片。
ticket-location-added = 已收到位置。
ticket-extras-expected = 请发送照片或位置，或点“提交”。
ticket-reported = ✅ 已受理，诉求单号 #{ $number }。支部处理的每一步都会通知您，也可以用 /tickets 查看。
ticket-aborted = 已取消。

ticket-category-elderly = 养老助老
ticket-category-sanitation = 环境卫生
ticket-category-dispute = 邻里纠纷
ticket-category-property = 物业管理
ticket-category-employment = 就业帮扶
ticket-category-policy = 政策咨询
ticket-category-other = 其他

ticket-status-new = 待派单
ticket-status-posted = 待认领
ticket-status-assigned = 待接单
ticket-status-in_progress = 办理中
ticket-status-resolved = 已办结，待评价
ticket-status-closed = 已完成
ticket-status-declined = 不予受理
ticket-status-merged = 已合并

## the ticket card
ticket-card-title = 📋 诉求单 #{ $number } · { $category }
ticket-card-status = 状态：{ $status }
ticket-card-overdue = ⚠ 已超过限办时间
ticket-card-org = 支部：{ $org }
ticket-card-reporter = 反映人：{ $name }
ticket-card-description = 内容：{ $text }
ticket-card-voice = 🎤 附语音说明
ticket-card-photos = 📷 照片 { $count } 张
ticket-card-location = 📍 附位置
ticket-card-assignee = 承办党员：{ $name }
ticket-card-due = 限办时间：{ $time }
ticket-card-declined = 不予受理的原因：{ $reason }
ticket-card-merged = 与诉求单 #{ $number } 合并办理
ticket-card-resolution = 办结说明：{ $text }
ticket-card-rating = 评价：{ $stars } 星
ticket-card-comment = 评语：{ $text }

ticket-button-assign = 👤 指派党员
ticket-button-reassign = 👤 改派
ticket-button-post = 📢 发布认领
ticket-button-merge = 🔗 合并重复
ticket-button-decline = ✖ 不予受理
ticket-button-open = 📋 查看诉求单
ticket-button-accept = ✅ 接单
ticket-button-refuse = 🙅 婉拒
ticket-button-claim = ✋ 我来认领
ticket-button-note = 📝 进展
ticket-button-resolve = ✅ 办结
ticket-button-finish = ✅ 确认办结
ticket-button-media = 📎 照片/语音/位置
ticket-button-history = 🕘 处理记录
ticket-button-export = 📤 导出记录
ticket-button-back = ↩ 返回
ticket-button-no-comment = 不写评语
ticket-member-load = { $name }（在办 { $load } 件）

## steps
ticket-ask-member = 诉求单 #{ $number } 派给谁？括号里是每人在办的件数。
ticket-no-members = 这个支部还没有可以接单的党员。
ticket-ask-duplicate = 诉求单 #{ $number } 与哪一件重复？
ticket-no-duplicates = 支部没有其他正在办理的诉求单。
ticket-ask-decline-reason = 请写明诉求单 #{ $number } 不予受理的原因，会告知反映人。
ticket-ask-refuse-reason = 请写明不能承办诉求单 #{ $number } 的原因，会告知书记。
ticket-ask-note = 诉求单 #{ $number } 的办理进展：发送文字、照片或语音，每条都会告知反映人。发完点“取消”结束。
ticket-ask-resolution = 诉求单 #{ $number } 办结：请写办结说明，可以附照片，然后点“确认办结”。
ticket-note-saved = 已记录进展（#{ $number }）。
ticket-resolution-saved = 办结说明 { $chars } 字，照片 { $photos } 张。可以继续补充，或点“确认办结”。
ticket-rate-ask = 请为这次办理打分（1–5 星）：
ticket-rated = 感谢评价：{ $stars } 星（#{ $number }）。想说几句吗？直接输入评语，或点“不写评语”。
ticket-rated-reopened = 收到 { $stars } 星评价，诉求单 #{ $number } 已重新办理，书记已收到提醒。可以写几句说明原因。
ticket-commented = 评语已记录（#{ $number }），谢谢！
ticket-thanks = 谢谢您的评价！

ticket-done-assigned = ✅ 已派单（#{ $number }）。
ticket-done-posted = 📢 已发布给支部党员认领（#{ $number }）。
ticket-done-merged = 🔗 已合并（#{ $number }）。
ticket-done-declined = 已不予受理，并告知反映人（#{ $number }）。
ticket-done-refused = 已婉拒，书记会重新派单（#{ $number }）。
ticket-done-claimed = ✋ 已认领，请尽快办理（#{ $number }）。
ticket-done-accepted = ✅ 已接单（#{ $number }）。
ticket-done-resolved = ✅ 已办结，等待反映人评价（#{ $number }）。

## messages to other people
ticket-notice-new = 🔔 新的群众诉求 #{ $number }，请派单。
ticket-notice-assigned = 📌 书记把诉求单 #{ $number } 派给了您，请接单或婉拒。
ticket-notice-withdrawn = 诉求单 #{ $number } 已改由其他方式办理，您不用再承办了。
ticket-notice-posted = 📢 有一件群众诉求 #{ $number } 等待党员认领。
ticket-notice-claimed = ✋ { $name } 认领了诉求单 #{ $number }。
ticket-notice-taken = 👍 您反映的诉求 #{ $number } 已由党员 { $name } 承办。
ticket-notice-refused = 🙅 { $name } 婉拒了诉求单 #{ $number }：{ $note }。请重新派单。
ticket-notice-declined = 很抱歉，您反映的诉求 #{ $number } 不予受理。
ticket-notice-merged = 您反映的诉求 #{ $number } 与另一件相同的诉求合并办理。
ticket-notice-progress = 📝 诉求 #{ $number } 有新进展（{ $name }）：{ $note }
ticket-notice-resolved = ✅ 您反映的诉求 #{ $number } 已办结。
ticket-notice-rated = ⭐ 反映人为诉求单 #{ $number } 打了 { $stars } 星。
ticket-notice-reopened = ⚠ 诉求单 #{ $number } 只得到 { $stars } 星，已重新办理。
ticket-notice-remind-dispatch = ⏰ 诉求单 #{ $number } 还没有派单。
ticket-notice-remind-accept = ⏰ 诉求单 #{ $number } 派给您后还没有接单，请接单或婉拒。
ticket-notice-reassign = ⏰ 诉求单 #{ $number } 还没有人接单，可以改派。
ticket-notice-remind-resolve = ⏰ 诉求单 #{ $number } 已到限办时间，请尽快办结。
ticket-notice-escalated = 🚨 诉求单 #{ $number } 超过限办时间仍未办结，请督办。

## history and export
ticket-history-title = 🕘 诉求单 #{ $number } 处理记录
ticket-history-line = { $time } { $who }：{ $what } { $note }
ticket-history-bot = 系统
ticket-event-reported = 反映诉求
ticket-event-assigned = 派单给 { $name }
ticket-event-posted = 发布认领
ticket-event-claimed = 认领
ticket-event-accepted = 接单
ticket-event-refused = 婉拒
ticket-event-declined = 不予受理
ticket-event-merged = 与 #{ $number } 合并
ticket-event-note = 进展
ticket-event-resolved = 办结
ticket-event-rated = 评价 { $stars } 星
ticket-event-commented = 评语
ticket-event-reopened = 重新办理
ticket-event-closed-unrated = 未评价，自动完成
ticket-event-reminded = 提醒
ticket-event-escalated = 督办
ticket-export-time = 时间
ticket-export-who = 人员
ticket-export-what = 操作
ticket-export-note = 说明

## /tickets
tickets-menu = 诉求单：看哪一类？
tickets-view-mine = 我反映的
tickets-view-tasks = 我承办的
tickets-view-open = 待办诉求（超期在前）
tickets-view-stats = 📊 月度统计
tickets-title-mine = 我反映的诉求（第 { $page }/{ $pages } 页）
tickets-title-tasks = 我承办的诉求（第 { $page }/{ $pages } 页）
tickets-title-open = 待办诉求，超期在前（第 { $page }/{ $pages } 页）
tickets-empty = 暂无。
tickets-line = #{ $number } · { $category } · { $status }
tickets-stats-title = 📊 { $month } 群众诉求统计
tickets-stats-line = { $org }
    反映 { $reported } · 办结 { $resolved } · 办结用时中位数 { $median } 小时
    超期 { $overdue } · 平均评分 { $rating } · 评价率 { $rated }
tickets-stats-prev = ◀ 上个月
tickets-stats-next = 下个月 ▶

## refusals
ticket-error-no-branch = 您还不属于任何支部，无法反映诉求。
ticket-error-category = 请从列表中选择类别。
ticket-error-long = 太长了，最多 { $max } 字。
ticket-error-description = 请先用文字或语音描述诉求。
ticket-error-photos = 最多 { $max } 张照片。
ticket-error-own = 自己反映的诉求不能自己承办。
ticket-error-not-member = 只能派给本支部的党员。
ticket-error-same-member = 这件诉求已经派给 { $name } 了。
ticket-error-reason = 请写明原因，最多 { $max } 字。
ticket-error-merge-target = 只能与本支部正在办理的另一件诉求合并。
ticket-error-closed = 诉求单 #{ $number } 已经结束，按钮已失效。
ticket-error-resolved = 诉求单 #{ $number } 已经办结，正在等待评价。
ticket-error-yours = 诉求单 #{ $number } 已经在您手里了。
ticket-error-taken = 诉求单 #{ $number } 已经有人承办了。
ticket-error-state = 诉求单 #{ $number } 的状态已经变了，请重新打开查看。
ticket-error-not-assignee = 只有承办党员才能这样做。
ticket-error-not-reporter = 只有反映人才能评价。
ticket-error-stars = 请打 1 到 5 星。
ticket-error-rated = 诉求单 #{ $number } 已经评价过了。
ticket-error-commented = 诉求单 #{ $number } 已经写过评语了。
ticket-error-note = 请发送文字、照片或语音。
ticket-error-resolution = 请先写办结说明。
ticket-error-flow = 这个按钮不属于当前的操作，请重新开始。
ticket-voice-not-voice = 请直接录一条语音。
ticket-voice-forwarded = 转发来的语音不能作为诉求说明，请自己录一条。
ticket-voice-too-short = 语音太短（{ $seconds } 秒），至少 { $min_seconds } 秒。
ticket-voice-too-long = 语音太长（{ $seconds } 秒），最多 { $max_seconds } 秒。
ticket-voice-too-large = 文件太大（{ $size_mb } MB），最多 { $max_mb } MB。
ticket-voice-undecodable = 这条语音无法播放，请重新录一条。
ticket-voice-silent = 这条语音里听不到说话声，请重新录一条。
