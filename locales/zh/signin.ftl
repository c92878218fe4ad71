## 邀请上的按钮
invitation-attend = ✅ 参加
invitation-leave = 🙋 请假
signin-button-tap = 👆 签到
signin-button-code = 🔢 输入签到码
signin-button-location = 📍 位置签到
signin-button-voice = 🎙 语音签到

## 参加与请假
signin-attend-noted = 已登记：您将参加「{ $title }」。签到开始后点「签到」按钮即可。
signin-leave-ask = 请发送请假事由（例如：放牧走不开），或发送 /cancel 取消。
signin-leave-reason-expected = 请用文字发送请假事由，或发送 /cancel 取消。
signin-leave-sent = 请假申请已提交：「{ $title }」。负责人审批后会通知您。
signin-leave-sent-no-manager = 请假申请已记录：「{ $title }」。目前没有可以审批的负责人，请直接联系支部。

## 签到
signin-done = ✅ 签到成功：「{ $title }」，方式：{ $method }，时间：{ $time }。
signin-code-ask = 请输入会场公布的 { $digits } 位签到码，或发送 /cancel 取消。
signin-code-expected = 请用文字发送签到码，或发送 /cancel 取消。
signin-location-ask = 请点下方「发送我的位置」按钮，分享您现在所在的位置。转发的位置和旧位置都不能签到。
signin-share-location = 📍 发送我的位置
signin-location-expected = 请点「发送我的位置」按钮，或发送 /cancel 取消。
signin-location-venue = 从列表里选的地点不是您现在的位置，请用「发送我的位置」按钮分享当前位置。
signin-voice-ask = 请按住麦克风按钮录一条 { $min }–{ $max } 秒的语音，说“到”和您的姓名，然后发送。请直接录音，不要转发，也不要发送音频文件。
signin-voice-expected = 请发送一条语音消息，或发送 /cancel 取消。
signin-voice-pending = 🎙 已收到您的语音签到（{ $seconds } 秒）：「{ $title }」，等待书记审核。
signin-none-open = 现在没有正在签到的会议。签到时间一般是会议开始前后 30 分钟；发送 /attendance 查看您的会议。
signin-choose-meeting = 有几个会议正在签到，这条签到是哪个会议的？
signin-pick-expected = 请在上面点选这条签到对应的会议。

## 签到被拒的原因
signin-error-method = 这个会议不支持这种签到方式。
signin-error-not-open = 签到还没有开始，请在签到时间内再试。
signin-error-closed = 签到已经结束了。
signin-error-already = 您已经签过到了，不用重复签到。
signin-error-code = 签到码不对，还可以再试 { $left } 次。
signin-error-code-locked = 签到码输错次数太多，已被锁定。请找书记确认签到。
signin-error-forwarded = 转发来的位置不能签到，请用按钮分享您自己现在的位置。
signin-error-stale-location = 这个位置是几分钟前的，请重新分享您现在的位置。
signin-error-too-far = 您离会场约 { $distance } 米，超出了签到范围（{ $radius } 米）。
signin-error-reviewed = 这条语音签到已经审核过了。
voice-refused-not-voice = 这不是语音消息。请按住麦克风按钮直接录音，不要发送音频文件、视频或文件。
voice-refused-forwarded = 转发来的语音不能签到，请自己录一条。
voice-refused-too-short = 语音太短（{ $seconds } 秒），至少要 { $min_seconds } 秒。
voice-refused-too-long = 语音太长（{ $seconds } 秒），最多 { $max_seconds } 秒。
voice-refused-too-large = 文件太大（{ $size_mb } MB），最多 { $max_mb } MB。
voice-refused-undecodable = 这条语音无法播放，可能已经损坏，请重新录一条。
voice-refused-silent = 这条语音里听不到说话声。请靠近话筒说“到”和您的姓名，再发一次。

## 代签到
command-proxy = 代签到：为没有手机的党员签到
proxy-none-open = 现在没有您可以代签到的会议。
proxy-choose-meeting = 为哪个会议代签到？
proxy-choose-person = 「{ $title }」：为谁代签到？
proxy-no-candidates = 「{ $title }」：您可以代签的党员都已经签到了。
proxy-ask-note = 为 { $name } 代签到。可以写一句备注（例如：在蒙古包参加），或点「跳过」。
proxy-skip-note = 跳过
proxy-note-expected = 请用文字写备注，或点「跳过」。
proxy-done = ✅ 已为 { $name } 代签到：「{ $title }」。书记能看到是您代签的。

## 参会记录
command-attendance = 我的参会记录
attendance-none = 您还没有受邀参加过会议。
attendance-header = 您的参会记录（最近 { $count } 次）：
attendance-line = { $date } · { $kind } · { $title }：{ $status }
attendance-status-signed = ✅ 已签到（{ $method }）
attendance-status-pending = ⏳ 语音签到待审核
attendance-status-rejected = ❌ 语音签到未通过
attendance-status-leave = 🙋 已请假
attendance-status-leave-requested = 🙋 请假待审批
attendance-status-absent = ⭕ 缺席
attendance-status-open = 🔔 正在签到
attendance-status-upcoming = 📅 未开始
attendance-status-cancelled = 🚫 已取消
attendance-open-now = 🔔「{ $title }」正在签到（{ $opens }–{ $closes }）：
