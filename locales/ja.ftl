# Casebook の日本語インターフェース。ID は en.ftl と同じです。ここにないメッセージは英語で表示されます。

## 各ページの枠

app-name = Casebook
skip-to-content = 本文へ移動
nav-main = メイン
nav-policies = ポリシー
nav-sweeps = スイープ
nav-templates = テンプレート
nav-settings = 設定
nav-people = メンバー
nav-audit = 監査ログ
language-picker = 表示言語
sign-in = サインイン
sign-out = サインアウト
working-offline = { $name } · オフラインで作業中
sign-out-unsent = まだサーバーに届いていない編集が { $count } 件あります。サインアウトするとこの端末から削除されます。サインアウトしますか？
library-saved-offline = オフラインです。この端末に保存したポリシーライブラリ（{ $when }）を表示しています。
library-saved-unreachable = サーバーに接続できません。この端末に保存したポリシーライブラリ（{ $when }）を表示しています。
library-saved-checking = この端末に保存したポリシーライブラリ（{ $when }）を表示しています。更新を確認中…
just-now = たった今

## ロールと組織

role-agent = エージェント
role-specialist = ポリシースペシャリスト
role-trainer = トレーナー
role-admin = 管理者
title-platform = プラットフォーム · { $role }
title-vendor = ベンダー · { $role }

## 接続

connection-checking = 接続中…
connection-online = オンライン
connection-offline = オフライン
connection-unreachable = サーバーに接続できません

## ヘッダーの同期状態

sync-waiting = 未送信の編集 { $count } 件
sync-refused-short = 編集 1 件が拒否されました · 理由を見る
sync-loading = 作業を読み込み中…
sync-catching-up = 同期中 { $percent }%
sync-syncing = 同期中…
sync-not-connected = 未接続
sync-saved-here = この端末に保存 · { $waiting }
sync-signed-out = サインアウトしました。同期するにはサインインしてください
sync-problem = 同期の問題
sync-synced-ago = 同期済み（{ $when }）
sync-synced = 同期済み
sync-refused = サーバーが編集を拒否しました：
sync-refused-blocks = 再試行するか破棄するまで、後続の編集は待機します。
sync-retry = 再試行
sync-discard = この編集を破棄
sync-all-sent = この端末での編集はすべてサーバーに届いています。
sync-saved-count = { $count } 件の編集がこの端末に保存されており、サーバーが応答したら送信されます。
sync-last = 最終同期：{ $when }。
sync-never = この端末ではまだ同期していません。
sync-now = 今すぐ同期

## 存在しないページ

not-found-title = ページが見つかりません
not-found-body = このアドレスのページは Casebook にありません。リンクの誤りか、古いバージョンのリンクかもしれません。
not-found-search = ポリシー検索へ
planned-not-yet = このバージョンの Casebook では、このツールはまだ使えません。
planned-search = ポリシーライブラリを検索

## サーバーとの通信の失敗

api-unreachable = Casebook がサーバーに接続できません。接続を確認してください。オンラインに戻るとこのページは再試行します。
api-server-error = { $message }（リクエスト { $request }）
api-status = サーバーがステータス { $status } を返しました。
api-unreadable = サーバーの応答を読み取れませんでした。ページを再読み込みして最新の Casebook を取得してください。

## サーバーのエラーコード：{ $detail } はサーバー自身の説明（英語）です

error-not_found = 見つかりません。{ $detail }
error-bad_request = リクエストは受け付けられませんでした：{ $detail }
error-invalid = 入力内容を確認してください：{ $detail }
error-conflict = 同時に別の場所で変更されました：{ $detail }
error-invalid_library = ポリシーライブラリにエラーがあります：{ $detail }
error-method_not_allowed = ここではその操作はできません。
error-sign_in_required = もう一度サインインしてください。
error-forbidden = あなたのロールではこの操作はできません。
error-csrf_header_missing = 安全のためリクエストをブロックしました。ページを再読み込みしてもう一度お試しください。
error-bad_credentials = メールアドレスまたはパスワードが違います。
error-account_switched_off = このアカウントは無効になっています。管理者に問い合わせてください。
error-too_many_attempts = 試行回数が多すぎます。数分待ってからもう一度お試しください。
error-unsupported_media_type = サーバーはこの種類のリクエストを読み取れません。
error-payload_too_large = 大きすぎて送信できません。
error-busy = サーバーが混み合っています。まもなく再試行します。
error-internal = サーバーで問題が発生しました。作業内容は保持されています。もう一度お試しください。
error-schema_version = この Casebook のバージョンは古くなっています。ページを再読み込みしてください。
error-sync_gap = 一部の編集が途中で失われました。再送信しています。
error-invalid_push = サーバーはこれらの編集を読み取れませんでした：{ $detail }
error-invalid_edit = この編集は無効です：{ $detail }
error-edit_not_allowed = この編集はできません：{ $detail }
error-out_of_scope = これは別の組織のものです。
error-no_such_object = これはもう存在しません。
error-client_of_another_person = これらの編集はこの端末の別の人のものです。
error-write_quota = 組織のストレージがいっぱいです。管理者に問い合わせてください。

## Policy pages (lookup2)

policy-loading = ポリシーを読み込み中…
policy-not-found = ポリシーが見つかりません
policy-not-found-detail = 「{ $slug }」というポリシーはありません。名前が変わった可能性があります。
policy-search-library = ポリシーライブラリを検索
policy-no-version = このポリシーにバージョン { $number } はありません。
policy-open-current = 現行バージョンを開く
policy-open-current-numbered = 現行バージョンを開く (v{ $number })
policy-draft-note = これは下書きです。まだ適用しないでください。
policy-old-note = これはこのポリシーの現行バージョンではありません。
policy-fact-version = バージョン
policy-fact-effective = 施行日
policy-fact-since = 失効日
policy-fact-verified = 確認期限
policy-fact-owner = 担当
policy-fact-regions = 地域
policy-overdue = — 見直し期限切れ
policy-version-status = v{ $number } · { $status }
policy-status-draft = 下書き
policy-status-published = 公開中
policy-status-superseded = 置き換え済み
policy-status-retired = 廃止
policy-sections = セクション
policy-versions = バージョン
policy-versions-label = バージョン:
policy-version-link = v{ $number } ({ $status })
policy-changed-since = v{ $number } からの変更点
policy-link-to-section = { $heading } へのリンク
policy-link-paragraph = 段落 { $number } へのリンク
policy-copy-link = リンクをコピー
policy-link-copied = コピーしました
policy-copy-section-title = このバージョンのこのセクションへのリンクをコピー (キー: c)
policy-copy-by-hand = このブラウザーではここでコピーできません。リンクを選択しました。Ctrl+C (Mac は ⌘C) でコピーしてください。
policy-paragraph-bar = この段落について
policy-copy-paragraph = この段落へのリンクをコピー
policy-paragraph-not-current = これは v{ $number } で、現行バージョン (v{ $current }) ではありません。
policy-section-in-current = このセクションを v{ $current } で読む
policy-section-changed-since = v{ $number } からのこのセクションの変更点
policy-section-unchanged = このセクションは v{ $current } でも同じです。
policy-section-gone = v{ $current } にはこのセクションがありません。
policy-actions = 対応措置
policy-action = 措置
policy-severity = 重大度
policy-when = 適用される場合
policy-severity-low = 低
policy-severity-medium = 中
policy-severity-high = 高
policy-severity-critical = 重大

## Library updates in open tabs (lookup2)

library-update-available = ポリシーライブラリの新しいバージョンがあります。
library-update-show = 表示する

## Library import page (lookup2)

import-title = ポリシーのインポート
import-intro = ライブラリのフォルダー、またはその一部のファイルを選んでください。保存する前に、すべての問題または変更内容が表示されます。
import-folder = ライブラリのフォルダー
import-files = またはファイル
import-working = 確認中…
import-unreadable = 選んだファイルを読み込めませんでした。
import-not-text = { $file } はテキストファイルではありません。
import-too-large = ファイルは { $files } 個、合計 { $mib } MiB までにしてください。
import-problems = { $count ->
   *[other] 問題が { $count } 件あります。何も保存していません。
}
import-whole-folder = フォルダー全体
import-line = { $line } 行目:
import-preview = 変更内容
import-new-policies = 新しいポリシー
import-new-versions = 新しいバージョン
import-version-changes = v{ $current } と比べて: 変更 { $changed } セクション、追加 { $added }、削除 { $removed }、措置の変更 { $actions }
import-status-changes = ステータスの変更
import-status-change = { $slug } v{ $number } は { $status } になります { $since }
import-unchanged = { $count ->
   *[other] { $count } 個のファイルはすでにライブラリにあります。
}
import-nothing = インポートするものはありません。ライブラリにはすでにこれらのファイルがあります。
import-apply = インポートを実行
import-applied = インポートしました: 新しいバージョン { $versions } 件、ステータスの変更 { $changes } 件。
