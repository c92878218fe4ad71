## 会议：书记一侧（安排、管理、请假审批、语音审核、提醒）

## 命令菜单
command-meeting = 安排会议（三会一课、主题党日）
command-meetings = 近期会议：签到汇总、修改、取消、会议记录

## 会议类型、参加范围、签到方式
meeting-kind-general_meeting = 支部党员大会
meeting-kind-committee_meeting = 支委会
meeting-kind-group_meeting = 党小组会
meeting-kind-party_lecture = 党课
meeting-kind-themed_party_day = 主题党日
meeting-kind-organizational_life = 组织生活会
meeting-kind-democratic_review = 民主评议党员
meeting-kind-other = 其他会议
audience-branch = 全体党员
audience-committee = 支部委员会
audience-group = 党小组
signin-method-tap = 点按签到
signin-method-code = 签到码
signin-method-location = 位置签到
signin-method-voice = 语音签到
signin-method-proxy = 代签
meeting-list-separator = 、

## 安排会议
meeting-abort = ✖ 不安排了
meeting-choose-org = 为哪个组织安排会议？
meeting-choose-kind = 「{ $org }」：开什么会？
meeting-ask-title = { $kind }：会议主题是什么？直接发送，或点按钮使用默认主题。
meeting-title-default = 用“{ $title }”
meeting-ask-when =
    主题：{ $title }
    会议什么时候开始？请按“年-月-日 时:分”或“月-日 时:分”发送，例如 { $example }（时区 { $zone }）。
meeting-error-when = 没看懂这个时间。请按“年-月-日 时:分”或“月-日 时:分”发送，例如 { $example }。
meeting-ask-venue = 时间：{ $time }。会议地点在哪里？直接发送，或点“跳过”。
meeting-skip = 跳过
meeting-ask-location = 要用位置签到吗？在会场点“分享会场位置”，或通过 📎 发送地图上的会场位置；不需要就点“跳过”。
meeting-share-location = 📍 分享会场位置
meeting-location-saved = 📍 已记下会场位置。
meeting-location-skipped = 好的，不用位置签到。
meeting-location-expected = 请点“分享会场位置”或“跳过”。
meeting-ask-radius = 离会场多远以内算到场？
meeting-radius-option = { $meters } 米
meeting-ask-methods = 允许哪些签到方式？点按切换，至少选一种。
meeting-voice-auto = 语音签到自动通过（不用审核）
meeting-next = 下一步 ▶
meeting-ask-window = 签到时间：会前多久开始，会后多久截止？
meeting-window-option = 会前 { $before } 分钟 — 会后 { $after } 分钟
meeting-ask-audience = 请哪些人参加？
meeting-audience-group = 党小组：{ $group }
meeting-confirm-header = 请核对会议信息：
meeting-confirm = ✅ 确认安排并通知
meeting-text-expected = 请用文字回答，或发送 /cancel 取消。
meeting-scheduled = ✅ 会议已安排。

## 会议卡片
meeting-line-title = 📌 { $kind }：{ $title }
meeting-line-time = 🕖 时间：{ $time }
meeting-line-venue = 📍 地点：{ $venue }
meeting-venue-none = 未填写
meeting-line-radius = 🗺 位置签到范围：会场 { $radius } 米以内
meeting-line-window = ⏱ 签到：{ $opens }—{ $closes }，方式：{ $methods }
meeting-line-audience = 👥 参加：{ $audience }
meeting-line-invited = 👥 已邀请 { $count } 人
meeting-line-invited-offline = 👥 已邀请 { $count } 人，其中 { $offline } 人未绑定 Telegram，请另行通知
meeting-line-voice-auto = 🎙 语音签到自动通过
meeting-line-voice-review = 🎙 语音签到由书记审核
meeting-line-code = 🔢 签到码：{ $code }（在会场出示）
meeting-line-reminders = 🔔 提醒：{ $times }
meeting-status-cancelled = ❌ 已取消
meeting-invitations-sent = 📨 已向 { $sent } 人发出会议通知。
meeting-invitations-silent = 🌙 现在是休息时间（{ $quiet }），会前已没有合适的提醒时间，已向 { $sent } 人静音发出通知（不响铃）。

## 党员收到的通知
meeting-invitation-header = 📣 会议通知 · { $org }
meeting-reminder-header = 🔔 会议提醒 · { $org }
meeting-changed-header = ✏️ 会议有变动 · { $org }
meeting-invitation-hint = 请点下方按钮：参加，或请假。
meeting-cancelled-notice =
    ❌ 会议已取消 · { $org }
    { $kind }：{ $title }
    原定时间：{ $time }

## 近期会议
meetings-none = 近期没有安排的会议。发送 /meeting 安排一个。
meetings-header = 近期会议（点开查看和管理）：
meeting-button-summary = 📊 签到汇总
meeting-button-code = 🔢 签到码
meeting-button-edit = ✏️ 改时间/地点
meeting-button-minutes = 📝 会议记录
meeting-button-cancel = ✖ 取消会议
meeting-button-reviews = 🎙 待审语音（{ $count }）
meeting-button-list = ◀ 会议列表
meeting-button-back = ◀ 返回
meeting-code-screen =
    「{ $title }」签到码：
    { $code }
    请在会场出示；党员点会议通知里的签到码按钮后输入。
meeting-cancel-ask = 确定取消「{ $title }」（{ $time }）吗？已邀请的人会收到通知。
meeting-cancel-yes = ✖ 确定取消会议
meeting-cancel-no = ◀ 不取消
meeting-cancelled-done = ❌ 已取消「{ $title }」，已通知 { $sent } 人。
meeting-edit-ask-when =
    「{ $title }」现在的时间：{ $current }。
    请发送新的开始时间，例如 { $example }；时间不变就点按钮。
meeting-edit-keep-time = 时间不变
meeting-edit-ask-venue = 请发送新的地点；地点不变就点按钮。
meeting-edit-keep-venue = 地点不变
meeting-edit-nothing = 时间和地点都没有变化。
meeting-edit-done = ✅ 已修改，已通知 { $sent } 人：

## 签到汇总
summary-header = 📊 签到汇总：{ $kind }「{ $title }」
summary-counts = 应到 { $invited } 人：已到 { $present }，请假 { $leave }，待审核 { $pending }，未到 { $absent }
summary-present = ✅ { $method }（{ $count }）：{ $names }
summary-proxy = { $name }（{ $by } 代签）
summary-leave = 🙋 请假（{ $count }）：{ $names }
summary-leave-person = { $name }（{ $reason }）
summary-leave-pending = ⏳ 请假待审批（{ $count }）：{ $names }
summary-pending = 🎙 语音待审核（{ $count }）：{ $names }
summary-absent = ❌ 未到且未请假（{ $count }）：{ $names }
summary-not-yet = ⏳ 尚未签到（{ $count }）：{ $names }
summary-minutes = 📝 会议记录：文字 { $chars } 字，照片 { $photos } 张

## 会议记录
minutes-ask = 📝「{ $title }」的会议记录：请发送文字和照片，可以发多条。发完点“完成”。
minutes-saved = 已保存：文字 { $chars } 字，照片 { $photos } 张。可以继续发送，或点“完成”。
minutes-expected = 请发送文字或照片，或点“完成”。
minutes-done-button = ✅ 完成
minutes-done = 📝「{ $title }」的会议记录已保存：文字 { $chars } 字，照片 { $photos } 张。

## 请假审批
leave-notice =
    🙋 请假申请
    { $name } 申请不参加 { $kind }「{ $title }」（{ $time }）。
    理由：{ $reason }
leave-decision-approve = ✅ 准假
leave-decision-reject = ❌ 不准假
leave-decision-approved = ✅ 已准假：{ $name }，「{ $title }」（{ $time }）。审批人：{ $by }
leave-decision-rejected = ❌ 未准假：{ $name }，「{ $title }」（{ $time }）。审批人：{ $by }
leave-decision-approved-member = ✅ 您的请假已获批准：{ $kind }「{ $title }」（{ $time }）。
leave-decision-rejected-member = 您的请假未获批准：{ $kind }「{ $title }」（{ $time }）。请按时参加；如有困难请联系书记。

## 语音签到审核
voice-review-notice =
    🎙 语音签到待审核
    { $name }：{ $kind }「{ $title }」（{ $time }）
    录制时间：{ $signed }
voice-review-duration = 时长：{ $seconds } 秒
voice-review-transcript = 识别文字：{ $text }
voice-review-approve = ✅ 通过
voice-review-reject = ❌ 不通过
voice-review-approved = ✅ 已通过 { $name } 在「{ $title }」的语音签到（{ $by }）。
voice-review-rejected = ❌ 未通过 { $name } 在「{ $title }」的语音签到（{ $by }）。
voice-review-approved-member = ✅ 您在 { $kind }「{ $title }」的语音签到已确认。
voice-review-rejected-member = 您在 { $kind }「{ $title }」的语音签到未通过审核。签到时间内可以重新签到。
voice-review-none = 没有待审核的语音签到。

## 错误
meeting-error-kind = 这个组织不能开这种会。
meeting-error-audience = 参加范围不对，请重新选择。
meeting-error-title = 会议主题不能为空，最多 { $max } 字。
meeting-error-venue = 地点最多 { $max } 字。
meeting-error-past = 这个时间已经过去了，请发送将来的时间。
meeting-error-too-far = 最多只能提前一年安排会议。
meeting-error-methods = 请至少选择一种签到方式。
meeting-error-location-needed = 位置签到需要先分享会场位置。
meeting-error-radius = 签到范围需要在 20 米到 50 公里之间。
meeting-error-window = 签到时间最长为会前、会后各 12 小时。
meeting-error-cancelled = 这个会议已经取消了。
meeting-error-over = 这个会议已经结束了。
meeting-error-not-invited = 您不在这个会议的邀请名单里。
leave-error-reason = 请写明请假理由，最多 { $max } 字。
leave-error-signed-in = 您已经签到了，不需要再请假。
leave-error-decided = 这个请假申请已经处理过了。
minutes-error-long = 一次最多发送 { $max } 字，请分几条发送。
meeting-error-own-decision = 不能审批自己的请假或签到，将由上一级负责人处理。
