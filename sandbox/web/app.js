/* The sandbox's web chat: act as any persona and use the bot as on a phone.
 *
 * Plain JavaScript, no build step, nothing fetched from outside: it talks only to the
 * sandbox's control API under /sandbox/ (see sandbox/control.py):
 *   GET  /sandbox/users, /sandbox/bot, /sandbox/chats/{id}, /sandbox/chats/{id}/messages,
 *        /sandbox/commands?chat_id=, /sandbox/events?after=&timeout= (long poll),
 *        /sandbox/files/{file_id}
 *   POST /sandbox/send, /sandbox/upload (multipart), /sandbox/press
 *
 * sample-voice.ogg is a 1.5 s OGG/Opus voice note saying "到", made with
 *   espeak-ng -v cmn -s 80 -p 45 -w dao.wav "到"
 * resampled to 48 kHz mono, then
 *   opusenc --speech --bitrate 24 --title "到 (Zhibu sample voice)" dao48.wav sample-voice.ogg
 */
"use strict";

const I18N = {
  zh: {
    title: "支部助手",
    subtitle: "离线演示 · 选择身份",
    peopleNote: "每个身份都有自己与机器人的私聊。",
    pickPersona: "请选择一个身份开始聊天",
    emptyChat: "还没有消息。发送 /start 开始。",
    back: "返回",
    switchPersona: "切换身份",
    attach: "附件",
    commands: "命令",
    keyboard: "键盘",
    send: "发送",
    cancel: "取消",
    ok: "确定",
    placeholder: "输入消息…",
    photo: "照片",
    document: "文件",
    voiceUpload: "上传语音（音频文件）",
    voiceSample: "发送示例语音“到”",
    location: "位置",
    shareLocation: "发送位置",
    presetYurt: "锡林浩特附近的蒙古包",
    presetGaqa: "嘎查村部",
    latitude: "纬度",
    longitude: "经度",
    minutesAgo: "发送于几分钟前（模拟延迟送达）",
    edited: "已编辑",
    deleted: "此消息已删除",
    typing: "正在输入…",
    online: "机器人",
    offline: "连接中断，正在重试…",
    as: "身份：{name}",
    noCommands: "这个聊天没有命令菜单",
    forwarded: "转发自 {name}",
    live: "实时位置",
    late: "迟到 {n} 分钟",
    contact: "联系人",
    unsupported: "演示页面不支持这种按钮",
    download: "下载",
    voice: "语音",
    today: "今天",
  },
  en: {
    title: "Zhibu",
    subtitle: "offline demo · pick a persona",
    peopleNote: "Each persona has their own private chat with the bot.",
    pickPersona: "Pick a persona to start chatting",
    emptyChat: "No messages yet. Send /start to begin.",
    back: "Back",
    switchPersona: "Switch persona",
    attach: "Attach",
    commands: "Commands",
    keyboard: "Keyboard",
    send: "Send",
    cancel: "Cancel",
    ok: "OK",
    placeholder: "Message…",
    photo: "Photo",
    document: "File",
    voiceUpload: "Voice from an audio file",
    voiceSample: "Send the sample voice “到”",
    location: "Location",
    shareLocation: "Share location",
    presetYurt: "Yurt near Xilinhot",
    presetGaqa: "Gaqa centre",
    latitude: "Latitude",
    longitude: "Longitude",
    minutesAgo: "Sent N minutes ago (late delivery)",
    edited: "edited",
    deleted: "Message deleted",
    typing: "typing…",
    online: "bot",
    offline: "connection lost, retrying…",
    as: "as {name}",
    noCommands: "No command menu in this chat",
    forwarded: "Forwarded from {name}",
    live: "live location",
    late: "{n} min late",
    contact: "Contact",
    unsupported: "The demo page does not support this button",
    download: "Download",
    voice: "Voice",
    today: "Today",
  },
  // Only the page's own few labels; anything missing falls back to English.
  mn: {
    title: "ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠠᠪᠰᠤᠷᠤᠭᠴᠢ",
    back: "ᠪᠤᠴᠠᠬᠤ",
    send: "ᠢᠯᠡᠭᠡᠬᠦ",
    cancel: "ᠦᠭᠡᠢᠰᠭᠡᠬᠦ",
    commands: "ᠵᠠᠷᠯᠢᠭ",
    placeholder: "ᠮᠡᠳᠡᠭᠡ…",
    photo: "ᠵᠢᠷᠤᠭ",
    document: "ᠹᠠᠢᠯ",
    location: "ᠪᠠᠢᠷᠢ",
    shareLocation: "ᠪᠠᠢᠷᠢ ᠢᠯᠡᠭᠡᠬᠦ",
    voice: "ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ",
  },
};

// The page's own icons, drawn inline (emoji fonts are not everywhere, and nothing is fetched).
const ICONS = {
  clip: '<path d="M16.5 7v8.5a4.5 4.5 0 0 1-9 0V6a3 3 0 0 1 6 0v9.5a1.5 1.5 0 0 1-3 0V7"/>',
  send: '<path class="solid" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12 2-12 2z"/>',
  keyboard: '<rect x="2.5" y="6" width="19" height="12" rx="2"/><path d="M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M8 14h8"/>',
  back: '<path d="M15 5l-7 7 7 7"/>',
  photo: '<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="8.5" cy="10" r="1.5"/><path d="M21 16l-5-5-9 8"/>',
  file: '<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/>',
  mic: '<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21"/>',
  speaker: '<path d="M4 9.5v5h3.5L12 18.5v-13L7.5 9.5z"/><path d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11"/>',
  pin: '<path d="M12 21s-6.5-5.8-6.5-11a6.5 6.5 0 0 1 13 0c0 5.2-6.5 11-6.5 11z"/><circle cx="12" cy="10" r="2.3"/>',
  person: '<circle cx="12" cy="8" r="4"/><path d="M4.5 20.5a7.5 7.5 0 0 1 15 0"/>',
  music: '<path d="M9 18V5l11-2v13"/><circle cx="6.5" cy="18" r="2.5"/><circle cx="17.5" cy="16" r="2.5"/>',
};

function icon(name) {
  const span = document.createElement("span");
  span.className = `ico ico-${name}`;
  span.setAttribute("aria-hidden", "true");
  span.innerHTML = `<svg viewBox="0 0 24 24">${ICONS[name]}</svg>`;
  return span;
}

const LANGUAGE_NAMES = { zh: "中文", en: "English", mn: "ᠮᠣᠩᠭᠣᠯ" };
const HTML_LANG = { zh: "zh-CN", en: "en", mn: "mn-Mong" };
const SAMPLE_VOICE = "/web/sample-voice.ogg";
const POLL_SECONDS = 25;

const state = {
  users: [],
  bot: null,
  current: null, // the persona's user id, which is also their private chat's id
  chats: new Map(), // chat id -> {messages: Map, keyboard, kbHidden, unread, loaded}
  lastEvent: 0,
  online: true,
  typingUntil: 0,
  pending: new Map(), // callback_query_id -> the pressed button
  lang: localStorage.getItem("zhibu.web.lang") || "zh",
};

// --- small helpers -------------------------------------------------------------------

const $ = (selector, root = document) => root.querySelector(selector);

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

function t(key, vars = {}) {
  const text = (I18N[state.lang] || {})[key] ?? I18N.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
}

function postJson(path, body) {
  return api(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

function fileUrl(fileId) {
  return `/sandbox/files/${encodeURIComponent(fileId)}`;
}

// /sandbox/files answers every request whole (no HTTP Range), so Chromium can neither seek in
// an Ogg file played from it nor learn its duration; from a blob: URL it can.
const audioUrls = new Map(); // file_id -> Promise of an object URL

function audioPlayer(fileId, title) {
  const audio = h("audio", { controls: true, preload: "metadata", title, "data-file-id": fileId });
  let url = audioUrls.get(fileId);
  if (!url) {
    url = fetch(fileUrl(fileId))
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(response.statusText))))
      .then((blob) => URL.createObjectURL(blob));
    audioUrls.set(fileId, url);
  }
  url.then((objectUrl) => { audio.src = objectUrl; }).catch(() => {
    audioUrls.delete(fileId);
    audio.src = fileUrl(fileId);
  });
  return audio;
}

function pad2(n) {
  return String(n).padStart(2, "0");
}

function clock(unix) {
  const d = new Date(unix * 1000);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

function dayKey(unix) {
  const d = new Date(unix * 1000);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

function dayLabel(unix) {
  if (dayKey(unix) === dayKey(Date.now() / 1000)) return t("today");
  return new Date(unix * 1000).toLocaleDateString(HTML_LANG[state.lang], {
    year: "numeric",
    month: "long",
    day: "numeric",
  });
}

function humanSize(bytes) {
  if (!bytes && bytes !== 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function duration(seconds) {
  const s = Math.max(0, Math.round(seconds || 0));
  return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
}

/** A demo phone number that belongs to this user id alone: +86 138 followed by 8 digits. */
function demoPhone(userId) {
  return `+86138${String(userId % 100000000).padStart(8, "0")}`;
}

function prettyPhone(phone) {
  const m = /^\+86(\d{3})(\d{4})(\d{4})$/.exec(phone);
  return m ? `+86 ${m[1]} ${m[2]} ${m[3]}` : phone;
}

function user(id) {
  return state.users.find((u) => u.id === id) || null;
}

function displayName(u) {
  return u ? [u.first_name, u.last_name].filter(Boolean).join(" ") : "";
}

function avatarColor(id) {
  const colors = ["#c0392b", "#d35400", "#16a085", "#2980b9", "#8e44ad", "#27ae60", "#b7950b", "#2c3e50"];
  return colors[Math.abs(id) % colors.length];
}

function avatar(u) {
  const name = displayName(u) || "?";
  return h("div", { class: "avatar", style: `background:${avatarColor(u.id)}`, "aria-hidden": "true" },
    Array.from(name)[0]);
}

let toastTimer = 0;
function toast(text, kind = "") {
  const el = $("#toast");
  el.textContent = text;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 3000);
}

function alertModal(text) {
  $("#alert-text").textContent = text;
  const dialog = $("#alert-dialog");
  if (!dialog.open) dialog.showModal();
}

function failed(error) {
  toast(error && error.message ? error.message : String(error), "error");
}

// --- chats and messages --------------------------------------------------------------

function chatState(id) {
  let chat = state.chats.get(id);
  if (!chat) {
    chat = { messages: new Map(), keyboard: null, kbHidden: false, unread: 0, loaded: false };
    state.chats.set(id, chat);
  }
  return chat;
}

function currentChat() {
  return state.current === null ? null : chatState(state.current);
}

function sortedMessages(chat) {
  return [...chat.messages.values()].sort((a, b) => a.message_id - b.message_id);
}

async function loadChat(id) {
  const [record, messages] = await Promise.all([
    api(`/sandbox/chats/${id}`),
    api(`/sandbox/chats/${id}/messages`),
  ]);
  const chat = chatState(id);
  for (const message of messages) chat.messages.set(message.message_id, message);
  chat.keyboard = record.reply_keyboard;
  if (!chat.loaded && chat.keyboard && chat.keyboard.one_time_keyboard) {
    // A one-time keyboard is gone once used: if the user spoke last, it was used.
    const last = sortedMessages(chat).at(-1);
    chat.kbHidden = Boolean(last && !last.from_bot);
  }
  chat.loaded = true;
  return chat;
}

/** Store a message; true when it is new or changed. */
function upsert(chatId, message) {
  const chat = chatState(chatId);
  const old = chat.messages.get(message.message_id);
  if (old && JSON.stringify(old) === JSON.stringify(message)) return false;
  chat.messages.set(message.message_id, message);
  return true;
}

function noteKeyboard(chat, message) {
  const markup = message.reply_markup;
  if (!markup || !message.from_bot) return;
  if (markup.keyboard) {
    chat.keyboard = markup;
    chat.kbHidden = false;
  } else if (markup.remove_keyboard) {
    chat.keyboard = null;
  }
}

function messageChanged(chatId, message, { isNew = false } = {}) {
  if (!upsert(chatId, message)) return;
  const chat = chatState(chatId);
  if (isNew) noteKeyboard(chat, message);
  if (chatId === state.current) {
    if (isNew && message.from_bot) state.typingUntil = 0;
    showMessage(message);
    if (isNew) renderReplyKeyboard();
    renderStatus();
  } else if (isNew && message.from_bot) {
    chat.unread += 1;
  }
  renderPeople();
}

// --- rendering: text with entities ---------------------------------------------------

function entityNode(entity, inner, fullText) {
  switch (entity.type) {
    case "bold": return h("strong", {}, inner);
    case "italic": return h("em", {}, inner);
    case "underline": return h("u", {}, inner);
    case "strikethrough": return h("s", {}, inner);
    case "spoiler": return h("span", { class: "spoiler", onclick: (e) => e.currentTarget.classList.add("shown") }, inner);
    case "code": return h("code", {}, inner);
    case "pre": return h("pre", { "data-language": entity.language }, h("code", {}, inner));
    case "blockquote":
    case "expandable_blockquote": return h("blockquote", {}, inner);
    case "text_link": return h("a", { href: entity.url, target: "_blank", rel: "noopener" }, inner);
    case "url": {
      const href = /^[a-z][\w+.-]*:/i.test(fullText) ? fullText : `http://${fullText}`;
      return h("a", { href, target: "_blank", rel: "noopener" }, inner);
    }
    case "email": return h("a", { href: `mailto:${fullText}` }, inner);
    case "phone_number": return h("a", { href: `tel:${fullText}` }, inner);
    case "bot_command":
      return h("a", {
        href: "#", class: "command",
        onclick: (e) => { e.preventDefault(); sendText(fullText.split("@")[0]); },
      }, inner);
    case "mention":
    case "hashtag":
    case "cashtag":
    case "text_mention": return h("span", { class: "mention" }, inner);
    default: return inner;
  }
}

/** bot_command entities for /commands in a bot's text that no entity covers yet, as
 * Telegram's apps make them tappable. */
function withCommands(text, entities) {
  const result = [...(entities || [])];
  for (const match of text.matchAll(/(^|[\s(（“"])(\/[A-Za-z0-9_]{1,32})(?![\w/@])/g)) {
    const offset = match.index + match[1].length;
    const length = match[2].length;
    if (!result.some((e) => e.offset < offset + length && offset < e.offset + e.length)) {
      result.push({ type: "bot_command", offset, length });
    }
  }
  return result;
}

/** Text with Bot API entities (offsets in UTF-16 units, as JavaScript strings count). */
function richText(text, entities) {
  const frag = document.createDocumentFragment();
  if (!entities || entities.length === 0) {
    frag.append(text);
    return frag;
  }
  const cuts = new Set([0, text.length]);
  for (const e of entities) {
    cuts.add(Math.min(text.length, e.offset));
    cuts.add(Math.min(text.length, e.offset + e.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    let piece = text.slice(start, end);
    const before = frag.lastChild;
    if (before && (before.nodeName === "BLOCKQUOTE" || before.nodeName === "PRE") && piece.startsWith("\n")) {
      piece = piece.slice(1); // the block already ends its line
    }
    let node = document.createTextNode(piece);
    const active = entities
      .filter((e) => e.offset <= start && e.offset + e.length >= end)
      .sort((a, b) => a.length - b.length);
    for (const e of active) node = entityNode(e, node, text.slice(e.offset, e.offset + e.length));
    frag.append(node);
  }
  return frag;
}

// --- rendering: one message ----------------------------------------------------------

function biggestPhoto(sizes) {
  return sizes.reduce((best, s) => (s.width * s.height > best.width * best.height ? s : best));
}

function mediaNodes(m) {
  const nodes = [];
  if (m.photo && m.photo.length) {
    const photo = biggestPhoto(m.photo);
    const url = fileUrl(photo.file_id);
    nodes.push(h("a", { class: "photo", href: url, target: "_blank", rel: "noopener" },
      h("img", { src: url, alt: t("photo"), width: photo.width || 320, height: photo.height || 240, loading: "lazy" })));
  }
  for (const kind of ["video", "animation", "video_note"]) {
    if (m[kind]) {
      nodes.push(h("video", {
        class: "video", src: fileUrl(m[kind].file_id), controls: kind !== "animation",
        autoplay: kind === "animation", loop: kind === "animation", muted: kind === "animation",
        preload: "metadata", playsinline: true,
      }));
    }
  }
  if (m.sticker) {
    nodes.push(h("img", { class: "sticker", src: fileUrl(m.sticker.file_id), alt: m.sticker.emoji || "sticker" }));
  }
  if (m.voice) {
    nodes.push(h("div", { class: "voice" },
      h("span", { class: "voice-icon" }, icon("mic")),
      audioPlayer(m.voice.file_id, duration(m.voice.duration))));
  }
  if (m.audio) {
    const title = [m.audio.performer, m.audio.title || m.audio.file_name].filter(Boolean).join(" – ");
    nodes.push(h("div", { class: "voice audio" },
      h("span", { class: "voice-icon" }, icon("music")),
      h("div", { class: "audio-body" },
        title ? h("div", { class: "audio-title" }, title) : null,
        audioPlayer(m.audio.file_id, title || duration(m.audio.duration)))));
  }
  if (m.document && !m.animation) {
    const name = m.document.file_name || "file";
    nodes.push(h("a", { class: "document", href: fileUrl(m.document.file_id), download: name, title: t("download") },
      h("span", { class: "doc-icon" }, icon("file")),
      h("span", { class: "doc-body" },
        h("span", { class: "doc-name" }, name),
        h("span", { class: "doc-size" }, `${humanSize(m.document.file_size)} · ${t("download")}`))));
  }
  if (m.location) {
    const { latitude, longitude, live_period: live } = m.location;
    nodes.push(h("div", { class: "location" },
      h("span", { class: "pin" }, icon("pin")),
      h("span", {},
        h("span", { class: "coords" }, `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`),
        live ? h("span", { class: "tag" }, t("live")) : null,
        m.venue ? h("span", { class: "venue" }, `${m.venue.title} · ${m.venue.address}`) : null)));
  }
  if (m.contact) {
    const c = m.contact;
    nodes.push(h("div", { class: "contact" },
      h("span", { class: "pin" }, icon("person")),
      h("span", {},
        h("span", { class: "contact-name" }, [c.first_name, c.last_name].filter(Boolean).join(" ")),
        h("span", { class: "contact-phone" }, prettyPhone(c.phone_number)))));
  }
  const known = ["text", "photo", "video", "animation", "video_note", "sticker", "voice", "audio",
    "document", "location", "contact", "caption"];
  if (!nodes.length && m.text === undefined) {
    const other = ["poll", "dice", "game", "invoice", "story"].find((k) => m[k]);
    if (other || !known.some((k) => m[k] !== undefined)) {
      nodes.push(h("div", { class: "unsupported" }, `[${other || "message"}]`));
    }
  }
  return nodes;
}

/** Seconds by which a user's message is older than one before it: sent, then delivered late. */
function lateBy(m) {
  const chat = state.chats.get(m.chat.id);
  if (!chat) return 0;
  let newest = 0;
  for (const other of chat.messages.values()) {
    if (other.message_id < m.message_id && other.date > newest) newest = other.date;
  }
  return newest - m.date;
}

function messageNode(m) {
  const mine = !m.from_bot;
  const row = h("div", { class: `msg ${mine ? "out" : "in"}`, "data-id": m.message_id });
  const meta = h("span", { class: "meta", title: new Date(m.date * 1000).toLocaleString() },
    m.edited && !m.deleted ? h("span", { class: "edited" }, t("edited")) : null,
    h("time", { datetime: new Date(m.date * 1000).toISOString() }, clock(m.date)));
  if (m.deleted) {
    row.classList.add("deleted");
    row.append(h("div", { class: "bubble" }, h("span", { class: "text" }, t("deleted")), meta));
    return row;
  }
  const bubble = h("div", { class: "bubble" });
  const persona = user(m.chat && m.chat.id);
  if (persona && persona.language_code) bubble.lang = HTML_LANG[persona.language_code] || persona.language_code;
  if (m.forward_origin) {
    const o = m.forward_origin;
    const name = o.sender_user ? displayName(o.sender_user)
      : o.sender_chat ? o.sender_chat.title : o.chat ? o.chat.title : o.sender_user_name || "";
    bubble.append(h("div", { class: "forwarded" }, t("forwarded", { name })));
  }
  if (m.reply_to_message) {
    const r = m.reply_to_message;
    bubble.append(h("div", { class: "reply-to" },
      h("strong", {}, r.from && r.from.is_bot ? (state.bot ? state.bot.first_name : "bot") : displayName(r.from)),
      h("span", {}, (r.text || r.caption || "…").slice(0, 80))));
  }
  const media = mediaNodes(m);
  if (media.length) bubble.classList.add("has-media");
  bubble.append(...media);
  const late = mine ? lateBy(m) : 0;
  if (late >= 60) meta.prepend(h("span", { class: "late" }, t("late", { n: Math.round(late / 60) })));
  const text = m.text ?? m.caption;
  if (text) {
    let entities = m.text !== undefined ? m.entities : m.caption_entities;
    if (m.from_bot) entities = withCommands(text, entities);
    // The time sits on the last line when it fits: an invisible copy keeps room for it.
    const room = h("span", { class: "meta-room", "aria-hidden": "true" }, meta.textContent);
    bubble.append(h("div", { class: "text" }, richText(text, entities), room));
    meta.classList.add("over");
  }
  bubble.append(meta);
  row.append(bubble);
  const inline = m.reply_markup && m.reply_markup.inline_keyboard;
  if (inline && inline.length) row.append(inlineKeyboard(m, inline));
  return row;
}

function inlineKeyboard(m, rows) {
  return h("div", { class: "inline-kb" }, rows.map((row) => h("div", { class: "kb-row" },
    row.map((button) => {
      if (button.url) {
        return h("a", { class: "kb-btn link", href: button.url, target: "_blank", rel: "noopener" }, button.text, h("span", { class: "corner" }, "↗"));
      }
      if (button.callback_data !== undefined) {
        const el = h("button", { type: "button", class: "kb-btn" }, button.text);
        el.addEventListener("click", () => pressInline(m, button, el));
        return el;
      }
      return h("button", { type: "button", class: "kb-btn", disabled: true, title: t("unsupported") }, button.text);
    }))));
}

function daySeparator(unix) {
  return h("div", { class: "day", "data-day": dayKey(unix) }, h("span", {}, dayLabel(unix)));
}

function lastShownMessage() {
  const rows = $("#messages").querySelectorAll(".msg");
  return rows.length ? rows[rows.length - 1] : null;
}

function nearBottom() {
  const box = $("#messages");
  return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
}

function scrollToBottom() {
  const box = $("#messages");
  box.scrollTop = box.scrollHeight;
}

/** Show one new or changed message in the open chat without redrawing the others. */
function showMessage(m) {
  const box = $("#messages");
  const existing = box.querySelector(`.msg[data-id="${m.message_id}"]`);
  if (existing) {
    existing.replaceWith(messageNode(m));
    return;
  }
  const last = lastShownMessage();
  if (last && Number(last.dataset.id) > m.message_id) {
    renderMessages(); // arrived out of order: redraw
    return;
  }
  const stick = nearBottom() || !m.from_bot;
  $("#empty").hidden = true;
  const previous = last ? currentChat().messages.get(Number(last.dataset.id)) : null;
  if (!previous || dayKey(previous.date) !== dayKey(m.date)) box.append(daySeparator(m.date));
  box.append(messageNode(m));
  if (stick) scrollToBottom();
}

function renderMessages() {
  const box = $("#messages");
  const empty = $("#empty");
  box.replaceChildren(empty);
  const chat = currentChat();
  if (!chat) {
    empty.textContent = t("pickPersona");
    empty.hidden = false;
    return;
  }
  const messages = sortedMessages(chat);
  empty.textContent = t("emptyChat");
  empty.hidden = messages.length > 0 || !chat.loaded;
  let day = null;
  for (const m of messages) {
    if (dayKey(m.date) !== day) {
      day = dayKey(m.date);
      box.append(daySeparator(m.date));
    }
    box.append(messageNode(m));
  }
  scrollToBottom();
}

// --- rendering: the rest -------------------------------------------------------------

function preview(chat) {
  const last = sortedMessages(chat).filter((m) => !m.deleted).at(-1);
  if (!last) return "";
  const text = last.text || last.caption;
  const kind = last.photo ? t("photo") : last.voice ? t("voice") : last.document ? last.document.file_name || t("document")
    : last.location ? t("location") : last.contact ? t("contact") : "";
  return `${last.from_bot ? "" : "» "}${text || `[${kind}]`}`.split("\n")[0];
}

function renderPeople() {
  const list = $("#people");
  list.replaceChildren(...state.users.map((u) => {
    const chat = chatState(u.id);
    const language = LANGUAGE_NAMES[u.language_code] || u.language_code || "—";
    return h("li", {},
      h("button", {
        type: "button", class: `person${u.id === state.current ? " active" : ""}`,
        "data-user": u.id, "aria-current": u.id === state.current ? "true" : null,
        onclick: () => selectPersona(u.id),
      },
      avatar(u),
      h("span", { class: "person-body" },
        h("span", { class: "person-top" },
          h("span", { class: "person-name" }, displayName(u)),
          h("span", { class: "lang-tag", lang: HTML_LANG[u.language_code] }, language)),
        h("span", { class: "person-preview" }, preview(chat) || `id ${u.id}${u.blocked ? " · blocked" : ""}`)),
      chat.unread ? h("span", { class: "badge" }, String(chat.unread)) : null));
  }));
}

function renderStatus() {
  const status = $("#chat-status");
  const u = user(state.current);
  if (!state.online) {
    status.textContent = t("offline");
    status.className = "offline";
  } else if (state.typingUntil > Date.now()) {
    status.textContent = t("typing");
    status.className = "typing";
  } else {
    status.textContent = state.bot ? `@${state.bot.username}` : t("online");
    status.className = "";
  }
  const me = $("#me");
  me.replaceChildren();
  if (u) {
    me.append(avatar(u));
    me.title = t("as", { name: displayName(u) });
  }
}

function renderReplyKeyboard() {
  const chat = currentChat();
  const box = $("#reply-kb");
  const keyboard = chat && chat.keyboard;
  const show = Boolean(keyboard && !chat.kbHidden);
  $("#kb-toggle").hidden = !keyboard;
  $("#kb-toggle").classList.toggle("on", show);
  $("#text").placeholder = (keyboard && keyboard.input_field_placeholder) || t("placeholder");
  box.hidden = !show;
  if (!show) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(...keyboard.keyboard.map((row) => h("div", { class: "kb-row" },
    row.map((button) => {
      const b = typeof button === "string" ? { text: button } : button;
      const el = h("button", { type: "button", class: "reply-btn" }, b.text);
      el.addEventListener("click", () => replyButton(b));
      return el;
    }))));
  if (nearBottom()) requestAnimationFrame(scrollToBottom);
}

function applyLanguage() {
  document.documentElement.lang = HTML_LANG[state.lang] || "zh-CN";
  document.title = `${t("title")} · ${state.lang === "en" ? "offline demo" : state.lang === "mn" ? "demo" : "离线演示"}`;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    el.title = t(el.dataset.i18nLabel);
  }
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll("[data-lang]")) el.classList.toggle("active", el.dataset.lang === state.lang);
  renderPeople();
  renderStatus();
  renderMessages();
  renderReplyKeyboard();
}

// --- acting as the persona -----------------------------------------------------------

async function selectPersona(id) {
  closePopups();
  state.current = id;
  const chat = chatState(id);
  chat.unread = 0;
  if (location.hash !== `#${id}`) history.replaceState(null, "", `#${id}`);
  document.body.classList.add("in-chat");
  renderPeople();
  renderStatus();
  renderMessages();
  renderReplyKeyboard();
  try {
    await loadChat(id);
  } catch (error) {
    failed(error);
  }
  if (state.current === id) {
    renderMessages();
    renderReplyKeyboard();
    renderPeople();
  }
  if (window.matchMedia("(min-width: 760px)").matches) $("#text").focus();
}

function showPeople() {
  closePopups();
  document.body.classList.remove("in-chat");
}

function requirePersona() {
  if (state.current === null) {
    toast(t("pickPersona"));
    return false;
  }
  return true;
}

async function sent(promise) {
  try {
    const message = await promise;
    if (message && message.message_id) messageChanged(message.chat.id, message, { isNew: true });
    return message;
  } catch (error) {
    failed(error);
    return null;
  }
}

function sendText(text) {
  if (!requirePersona() || !text.trim()) return Promise.resolve(null);
  closePopups();
  return sent(postJson("/sandbox/send", { user_id: state.current, text }));
}

function sendContact() {
  const u = user(state.current);
  return sent(postJson("/sandbox/send", {
    user_id: u.id,
    contact: { phone_number: demoPhone(u.id), first_name: u.first_name, user_id: u.id },
  }));
}

function sendLocation(latitude, longitude, minutesAgo) {
  const body = { user_id: state.current, location: { latitude, longitude } };
  if (minutesAgo > 0) body.date = Math.floor(Date.now() / 1000 - minutesAgo * 60);
  return sent(postJson("/sandbox/send", body));
}

async function upload(kind, file) {
  if (!requirePersona()) return null;
  const form = new FormData();
  form.append("user_id", String(state.current));
  form.append("kind", kind);
  const caption = $("#text").value.trim();
  if (caption && kind !== "voice") {
    form.append("caption", caption);
    $("#text").value = "";
    autosize();
  }
  form.append("file", file, file.name || `${kind}.bin`);
  return sent(api("/sandbox/upload", { method: "POST", body: form }));
}

async function sendSampleVoice() {
  try {
    const blob = await (await fetch(SAMPLE_VOICE)).blob();
    await upload("voice", new File([blob], "sample-voice.ogg", { type: "audio/ogg" }));
  } catch (error) {
    failed(error);
  }
}

async function replyButton(button) {
  const chat = currentChat();
  if (button.request_location) {
    openLocation(true);
    return;
  }
  if (button.request_users || button.request_user || button.request_chat || button.request_poll || button.web_app) {
    toast(t("unsupported"));
    return;
  }
  if (chat.keyboard && chat.keyboard.one_time_keyboard) {
    chat.kbHidden = true; // before sending: the bot's next keyboard may come back first
    renderReplyKeyboard();
  }
  if (button.request_contact) await sendContact();
  else await sendText(button.text);
}

async function pressInline(m, button, el) {
  el.classList.add("pending");
  try {
    const result = await postJson("/sandbox/press", {
      user_id: state.current, chat_id: m.chat.id, message_id: m.message_id, callback_data: button.callback_data,
    });
    state.pending.set(result.callback_query_id, el);
    setTimeout(() => { el.classList.remove("pending"); state.pending.delete(result.callback_query_id); }, 15000);
  } catch (error) {
    el.classList.remove("pending");
    failed(error);
  }
}

// --- live updates --------------------------------------------------------------------

let usersReload = null;
function reloadUsersSoon() {
  usersReload ??= sleep(300)
    .then(() => api("/sandbox/users"))
    .then((users) => { state.users = users; renderPeople(); })
    .catch(() => null)
    .finally(() => { usersReload = null; });
}

function handleEvent(event) {
  const chatId = event.chat_id;
  if (chatId > 0 && !user(chatId)) reloadUsersSoon(); // someone new, made through the API
  switch (event.type) {
    case "bot_message":
    case "user_message":
      messageChanged(chatId, event.message, { isNew: true });
      break;
    case "bot_edited":
    case "user_edited":
    case "bot_deleted":
      messageChanged(chatId, event.message);
      break;
    case "chat_action":
      if (chatId === state.current) {
        state.typingUntil = Date.now() + 5000;
        renderStatus();
        setTimeout(renderStatus, 5100);
      }
      break;
    case "callback_answer": {
      const button = state.pending.get(event.callback_query_id);
      if (button) button.classList.remove("pending");
      state.pending.delete(event.callback_query_id);
      if (event.user_id === state.current && event.text) {
        if (event.show_alert) alertModal(event.text);
        else toast(event.text);
      }
      break;
    }
    default:
      break;
  }
}

async function pollEvents() {
  for (;;) {
    try {
      const events = await api(`/sandbox/events?after=${state.lastEvent}&timeout=${POLL_SECONDS}`);
      if (!state.online) {
        state.online = true;
        renderStatus();
        if (state.current !== null) await loadChat(state.current).then(renderMessages);
      }
      for (const event of events) {
        state.lastEvent = Math.max(state.lastEvent, event.id);
        try {
          handleEvent(event);
        } catch (error) {
          console.error("event", event, error);
        }
      }
    } catch (error) {
      if (state.online) {
        state.online = false;
        renderStatus();
      }
      await sleep(2000);
    }
  }
}

// --- the composer and its menus ------------------------------------------------------

let menuToken = 0; // bumped whenever menus close, so a slow command fetch cannot reopen one

function closePopups() {
  menuToken += 1;
  $("#cmd-menu").hidden = true;
  $("#attach-menu").hidden = true;
}

function autosize() {
  const text = $("#text");
  text.style.height = "auto";
  text.style.height = `${Math.min(text.scrollHeight, 140)}px`;
}

async function showCommands(filter = null) {
  const menu = $("#cmd-menu");
  if (!requirePersona()) return;
  const token = ++menuToken;
  let commands = [];
  try {
    commands = (await api(`/sandbox/commands?chat_id=${state.current}`)).commands;
  } catch (error) {
    failed(error);
    return;
  }
  if (token !== menuToken) return; // closed, sent or asked again meanwhile
  if (filter !== null) commands = commands.filter((c) => `/${c.command}`.startsWith(filter));
  if (filter !== null && !commands.length) {
    menu.hidden = true;
    return;
  }
  $("#attach-menu").hidden = true;
  menu.replaceChildren(...(commands.length ? commands.map((c) => h("button", {
    type: "button", class: "cmd", "data-command": c.command,
    onclick: () => { $("#text").value = ""; autosize(); sendText(`/${c.command}`); },
  }, h("b", {}, `/${c.command}`), h("span", {}, c.description))) : [h("div", { class: "none" }, t("noCommands"))]));
  menu.hidden = false;
}

function openLocation(fromKeyboard = false) {
  if (!requirePersona()) return;
  closePopups();
  const dialog = $("#location-dialog");
  dialog.dataset.fromKeyboard = fromKeyboard ? "1" : "";
  dialog.showModal();
}

function bindComposer() {
  const text = $("#text");
  $("#composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = text.value;
    if (!value.trim()) return;
    text.value = "";
    autosize();
    const result = await sendText(value);
    if (!result) text.value = value;
  });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      $("#composer").requestSubmit();
    } else if (e.key === "Escape") {
      closePopups();
    }
  });
  text.addEventListener("input", () => {
    autosize();
    const value = text.value;
    if (/^\/\w*$/.test(value)) showCommands(value);
    else {
      menuToken += 1;
      $("#cmd-menu").hidden = true;
    }
  });
  $("#commands").addEventListener("click", () => {
    if ($("#cmd-menu").hidden) showCommands();
    else closePopups();
  });
  $("#attach").addEventListener("click", () => {
    const menu = $("#attach-menu");
    const open = menu.hidden;
    closePopups();
    menu.hidden = !open;
  });
  $("#kb-toggle").addEventListener("click", () => {
    const chat = currentChat();
    if (!chat) return;
    chat.kbHidden = !chat.kbHidden;
    renderReplyKeyboard();
  });
  for (const button of document.querySelectorAll("[data-attach]")) {
    button.addEventListener("click", () => {
      closePopups();
      const kind = button.dataset.attach;
      if (!requirePersona()) return;
      if (kind === "sample") sendSampleVoice();
      else if (kind === "location") openLocation();
      else $(`#file-${kind}`).click();
    });
  }
  for (const kind of ["photo", "document", "voice"]) {
    const input = $(`#file-${kind}`);
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      input.value = "";
      if (file) await upload(kind, file);
    });
  }
}

function bindLocation() {
  const dialog = $("#location-dialog");
  for (const preset of dialog.querySelectorAll("[data-lat]")) {
    preset.addEventListener("click", () => {
      $("#lat").value = preset.dataset.lat;
      $("#lon").value = preset.dataset.lon;
    });
  }
  $("#location-cancel").addEventListener("click", () => dialog.close());
  $("#location-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const latitude = Number($("#lat").value);
    const longitude = Number($("#lon").value);
    const ago = Math.max(0, Number($("#ago").value) || 0);
    dialog.close();
    const chat = currentChat();
    if (dialog.dataset.fromKeyboard && chat.keyboard && chat.keyboard.one_time_keyboard) {
      chat.kbHidden = true;
      renderReplyKeyboard();
    }
    await sendLocation(latitude, longitude, ago);
  });
}

function bindUi() {
  bindComposer();
  bindLocation();
  $("#back").addEventListener("click", showPeople);
  $("#me").addEventListener("click", showPeople);
  for (const el of document.querySelectorAll("[data-lang]")) {
    el.addEventListener("click", () => {
      state.lang = el.dataset.lang;
      localStorage.setItem("zhibu.web.lang", state.lang);
      applyLanguage();
    });
  }
  document.addEventListener("click", (e) => {
    if (!e.target.closest(".popup, #commands, #attach, #text")) closePopups();
  });
  window.addEventListener("hashchange", () => {
    const id = Number(location.hash.slice(1));
    if (user(id) && id !== state.current) selectPersona(id);
  });
}

async function boot() {
  for (const el of document.querySelectorAll("[data-icon]")) el.replaceWith(icon(el.dataset.icon));
  bindUi();
  applyLanguage();
  try {
    // Start listening from now on; each chat's history comes from its own endpoint.
    const past = await api("/sandbox/events?after=0&timeout=0");
    state.lastEvent = past.length ? past[past.length - 1].id : 0;
    const [users, bot] = await Promise.all([api("/sandbox/users"), api("/sandbox/bot")]);
    state.users = users;
    state.bot = bot;
    $("#bot-name").textContent = bot.first_name;
    await Promise.all(users.map((u) => loadChat(u.id).catch(() => null)));
  } catch (error) {
    failed(error);
  }
  renderPeople();
  renderStatus();
  const fromHash = Number(location.hash.slice(1));
  if (user(fromHash)) selectPersona(fromHash);
  document.body.classList.add("ready");
  pollEvents();
}

boot();
