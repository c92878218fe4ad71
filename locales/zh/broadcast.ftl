command-broadcast = 发送通知（全体或指定对象）
command-broadcasts = 已发通知：送达与学习情况

## 编写通知
broadcast-abort = ✖ 取消
broadcast-choose-scope = 以哪个组织的名义发送通知？
broadcast-choose-where = 「{ $org }」：发给哪一部分？
broadcast-where-scope = 全部（本组织及下级）
broadcast-where-branches = 选择支部（可多选）
broadcast-where-group = 一个党小组
broadcast-choose-branches = 点按勾选要发送的支部（可多选），选好后点“完成”。
broadcast-branches-done = ✅ 完成（已选 { $count } 个）
broadcast-choose-group = 选择党小组：
broadcast-choose-who = 发给哪些人？
broadcast-who-secretaries = 书记、副书记
broadcast-who-officers = 支部委员会（书记、副书记、支委）
broadcast-who-party = 全体党员（含预备党员）
broadcast-who-everyone = 所有人（含群众）
broadcast-audience = { $where } · { $who }
broadcast-ask-content =
    对象：{ $audience }
    请发送通知内容：文字、照片、文件或语音（照片、文件和语音可以带说明文字）。
broadcast-ask-urgent = 是否紧急？普通通知遇到免打扰时段（{ $quiet }）会等到早上再发；紧急通知立即发送。
broadcast-urgent-no = 普通（遵守免打扰时段）
broadcast-urgent-yes = ⚠️ 紧急（立即发送）
broadcast-preview-title = 👀 预览：收件人将看到上面这条消息。
broadcast-preview-audience = 对象：{ $audience }
broadcast-preview-count = 收件人：{ $count } 人
broadcast-preview-offline = 另有 { $count } 人还没有使用 Telegram，收不到这条通知。
broadcast-preview-now = 发送时间：确认后立即发送。
broadcast-preview-held = 发送时间：现在是免打扰时段，将于 { $time } 发送。
broadcast-preview-urgent = ⚠️ 紧急通知
broadcast-preview-nobody = 这个范围内没有能收到通知的人，请取消后重新选择对象。
broadcast-confirm = ✅ 确认发送
broadcast-edit = ✏️ 修改内容
broadcast-queued = ✅ 通知 #{ $id } 已提交，共 { $count } 人。发送进度见下方消息，之后可用 /broadcasts 查看学习情况。
broadcast-progress-queued = ⏳ 通知排队发送中：{ $count } 人。
broadcast-progress-held = ⏳ 通知已排队：{ $count } 人，将于 { $time } 发送（免打扰时段）。

## 错误
broadcast-error-audience = 选择的对象无效，请重新选择。
broadcast-error-no-branches = 请至少选择一个支部。
broadcast-error-empty = 通知内容不能为空。
broadcast-error-too-long = 通知太长（{ $length } 字），最多 { $max } 字。请删减后重新发送。
broadcast-error-caption-too-long = 说明文字太长（{ $length } 字），最多 { $max } 字。
broadcast-error-content-type = 只能发送文字、照片、文件或语音。
broadcast-error-urgent = 只有组织部（党委）管理员可以发送紧急通知。
broadcast-error-nobody = 没有能收到这条通知的人。
broadcast-error-ack-stale = 这条通知已不存在或按钮已失效。
broadcast-error-ack-foreign = 这个按钮只能由收到通知的本人点按。

## 收件人
broadcast-header = 📢 { $org } 通知
broadcast-header-urgent = ⚠️ { $org } 紧急通知
broadcast-ack-button = ✅ 已学习 / 收到
broadcast-ack-button-done = ✔ 已学习
broadcast-ack-recorded = 已记录，谢谢！
broadcast-ack-already = 已经记录过了。

## 已发通知
broadcasts-none = 您还没有发过通知。发送 /broadcast 开始。
broadcasts-header = 最近发送的通知（点按查看详情）：
broadcast-content-photo = [照片]
broadcast-content-document = [文件]
broadcast-content-voice = [语音]
broadcast-counts = 送达 { $sent } · 待发 { $pending } · 无法送达 { $unreachable } · 已学习 { $acknowledged }/{ $sent }
broadcast-card-title = 通知 #{ $id } · { $time }
broadcast-card-urgent = ⚠️ 紧急
broadcast-card-held = 等免打扰时段结束后于 { $time } 发送
broadcast-card-offline = 未使用 Telegram、没有发送：{ $count } 人
broadcast-show-not-acknowledged = 未学习名单（{ $count }）
broadcast-show-unreachable = 无法送达名单（{ $count }）
broadcast-back = ◀ 返回
broadcast-names-not-acknowledged = 已收到但还没点“已学习”的 { $total } 人（第 { $page }/{ $pages } 页）：
broadcast-names-unreachable = 无法送达的 { $total } 人（屏蔽了机器人或多次发送失败；第 { $page }/{ $pages } 页）：
broadcast-names-none = 没有。
