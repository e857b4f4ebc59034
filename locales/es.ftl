# La interfaz de Casebook en español. Los ids son los de en.ftl; un mensaje que falte aquí
# se muestra en inglés.

## El marco de cada página

app-name = Casebook
skip-to-content = Ir al contenido
nav-main = Principal
nav-policies = Políticas
nav-sweeps = Barridos
nav-templates = Plantillas
nav-settings = Ajustes
nav-people = Personas
nav-audit = Registro de auditoría
language-picker = Idioma de la interfaz
sign-in = Iniciar sesión
sign-out = Cerrar sesión
working-offline = { $name } · trabajando sin conexión
sign-out-unsent = { $count ->
    [one] 1 cambio aún no ha llegado al servidor. Si cierras sesión, se borrará de este dispositivo. ¿Cerrar sesión de todos modos?
   *[other] { $count } cambios aún no han llegado al servidor. Si cierras sesión, se borrarán de este dispositivo. ¿Cerrar sesión de todos modos?
}
library-saved-offline = Estás sin conexión. Se muestra la biblioteca de políticas guardada en este dispositivo { $when }.
library-saved-unreachable = No se puede contactar con el servidor. Se muestra la biblioteca de políticas guardada en este dispositivo { $when }.
library-saved-checking = Se muestra la biblioteca de políticas guardada en este dispositivo { $when }; buscando actualizaciones…
just-now = ahora mismo

## Roles y organizaciones

role-agent = agente
role-specialist = especialista en políticas
role-trainer = formador
role-admin = administrador
title-platform = Plataforma · { $role }
title-vendor = Proveedor · { $role }

## Conexión

connection-checking = Conectando…
connection-online = En línea
connection-offline = Sin conexión
connection-unreachable = Servidor inaccesible

## Estado de sincronización en la cabecera

sync-waiting = { $count ->
    [one] 1 cambio pendiente
   *[other] { $count } cambios pendientes
}
sync-refused-short = 1 cambio rechazado · ver por qué
sync-loading = Cargando tu trabajo…
sync-catching-up = Poniéndose al día { $percent } %
sync-syncing = Sincronizando…
sync-not-connected = Sin conexión
sync-saved-here = Guardado aquí · { $waiting }
sync-signed-out = Sesión cerrada; inicia sesión para sincronizar
sync-problem = Problema de sincronización
sync-synced-ago = Sincronizado { $when }
sync-synced = Sincronizado
sync-refused = El servidor rechazó un cambio:
sync-refused-blocks = Los cambios posteriores esperan hasta que lo reintentes o lo descartes.
sync-retry = Reintentar
sync-discard = Descartar este cambio
sync-all-sent = Todos los cambios hechos en este dispositivo han llegado al servidor.
sync-saved-count = { $count ->
    [one] 1 cambio está guardado en este dispositivo y se enviará cuando responda el servidor.
   *[other] { $count } cambios están guardados en este dispositivo y se enviarán cuando responda el servidor.
}
sync-last = Última sincronización { $when }.
sync-never = Aún no se ha sincronizado en este dispositivo.
sync-now = Sincronizar ahora

## Páginas que no existen

not-found-title = Página no encontrada
not-found-body = Casebook no tiene ninguna página en esta dirección. El enlace puede estar mal escrito o ser de una versión anterior.
not-found-search = Ir a la búsqueda de políticas
planned-not-yet = Esta herramienta aún no está disponible en esta versión de Casebook.
planned-search = Buscar en la biblioteca de políticas

## Fallos al hablar con el servidor

api-unreachable = Casebook no puede contactar con su servidor. Revisa tu conexión; esta página lo reintenta cuando vuelvas a estar en línea.
api-server-error = { $message } (solicitud { $request })
api-status = El servidor respondió con el estado { $status }.
api-unreadable = No se pudo leer la respuesta del servidor. Recarga la página para obtener la versión más reciente de Casebook.

## Códigos de error del servidor: { $detail } es la explicación del servidor (en inglés)

error-not_found = No encontrado. { $detail }
error-bad_request = La solicitud no se aceptó: { $detail }
error-invalid = Revisa lo que has escrito: { $detail }
error-conflict = Esto cambió a la vez en otro sitio: { $detail }
error-invalid_library = La biblioteca de políticas tiene errores: { $detail }
error-method_not_allowed = Esa acción no es posible aquí.
error-sign_in_required = Vuelve a iniciar sesión.
error-forbidden = Tu rol no permite hacer esto.
error-csrf_header_missing = La solicitud se bloqueó por tu seguridad. Recarga la página e inténtalo de nuevo.
error-bad_credentials = El correo o la contraseña no son correctos.
error-account_switched_off = Esta cuenta está desactivada. Pregunta a tu administrador.
error-too_many_attempts = Demasiados intentos. Espera unos minutos y vuelve a intentarlo.
error-unsupported_media_type = El servidor no puede leer este tipo de solicitud.
error-payload_too_large = Es demasiado grande para enviarlo.
error-busy = El servidor está ocupado. Se reintentará en breve.
error-internal = Algo falló en el servidor. Tu trabajo se conserva; inténtalo de nuevo.
error-schema_version = Esta versión de Casebook está desactualizada. Recarga la página.
error-sync_gap = Algunos cambios se perdieron por el camino. Se están enviando de nuevo.
error-invalid_push = El servidor no pudo leer estos cambios: { $detail }
error-invalid_edit = Este cambio no es válido: { $detail }
error-edit_not_allowed = No puedes hacer este cambio: { $detail }
error-out_of_scope = Esto pertenece a otra organización.
error-no_such_object = Esto ya no existe.
error-client_of_another_person = Estos cambios son de otra persona en este dispositivo.
error-write_quota = El almacenamiento de tu organización está lleno. Pregunta a tu administrador.

## Policy pages (lookup2)

policy-loading = Cargando la política…
policy-not-found = Política no encontrada
policy-not-found-detail = No hay ninguna política llamada «{ $slug }». Puede que haya cambiado de nombre.
policy-search-library = Buscar en la biblioteca de políticas
policy-no-version = Esta política no tiene versión { $number }.
policy-open-current = Abrir la versión vigente
policy-open-current-numbered = Abrir la versión vigente (v{ $number })
policy-draft-note = Esto es un borrador. No lo apliques todavía.
policy-old-note = Esta no es la versión vigente de la política.
policy-fact-version = Versión
policy-fact-effective = En vigor desde
policy-fact-since = Fuera de uso desde
policy-fact-verified = Verificada hasta
policy-fact-owner = Responsable
policy-fact-regions = Regiones
policy-overdue = — revisión pendiente
policy-version-status = v{ $number } · { $status }
policy-status-draft = Borrador
policy-status-published = Publicada
policy-status-superseded = Reemplazada
policy-status-retired = Retirada
policy-sections = Secciones
policy-versions = Versiones
policy-versions-label = Versiones:
policy-version-link = v{ $number } ({ $status })
policy-changed-since = Qué cambió desde la v{ $number }
policy-link-to-section = Enlace a { $heading }
policy-link-paragraph = Enlace al párrafo { $number }
policy-copy-link = Copiar enlace
policy-link-copied = Enlace copiado
policy-copy-section-title = Copiar un enlace a esta sección de esta versión (tecla: c)
policy-copy-by-hand = Este navegador no permite copiar aquí. El enlace está seleccionado: pulsa Ctrl+C (⌘C en Mac) para copiarlo.
policy-paragraph-bar = Sobre este párrafo
policy-copy-paragraph = Copiar enlace a este párrafo
policy-paragraph-not-current = Esta es la v{ $number }, no la versión vigente (v{ $current }).
policy-section-in-current = Leer esta sección en la v{ $current }
policy-section-changed-since = Qué cambió en esta sección desde la v{ $number }
policy-section-unchanged = Esta sección es igual en la v{ $current }.
policy-section-gone = La v{ $current } ya no tiene esta sección.
policy-actions = Medidas de aplicación
policy-action = Medida
policy-severity = Gravedad
policy-when = Cuándo se aplica
policy-severity-low = Baja
policy-severity-medium = Media
policy-severity-high = Alta
policy-severity-critical = Crítica

## Library updates in open tabs (lookup2)

library-update-available = Hay una nueva versión de la biblioteca de políticas.
library-update-show = Mostrarla

## Library import page (lookup2)

import-title = Importar políticas
import-intro = Elige la carpeta de la biblioteca o algunos de sus archivos. Verás cada problema, o lo que cambiará, antes de guardar nada.
import-folder = Carpeta de la biblioteca
import-files = O archivos
import-working = Comprobando…
import-unreadable = No se pudieron leer los archivos elegidos.
import-not-text = { $file } no es un archivo de texto.
import-too-large = Elige como máximo { $files } archivos y { $mib } MiB en total.
import-problems = { $count ->
    [one] Un problema. No se guardó nada.
   *[other] { $count } problemas. No se guardó nada.
}
import-whole-folder = Toda la carpeta
import-line = Línea { $line }:
import-preview = Qué cambiará
import-new-policies = Políticas nuevas
import-new-versions = Versiones nuevas
import-version-changes = frente a la v{ $current }: { $changed } secciones cambiadas, { $added } añadidas, { $removed } eliminadas; { $actions } medidas cambiadas
import-status-changes = Cambios de estado
import-status-change = { $slug } v{ $number } pasa a { $status } { $since }
import-unchanged = { $count ->
    [one] Un archivo ya está en la biblioteca.
   *[other] { $count } archivos ya están en la biblioteca.
}
import-nothing = Nada que importar: la biblioteca ya tiene estos archivos.
import-apply = Aplicar la importación
import-applied = Importado: { $versions } versiones nuevas, { $changes } cambios de estado.
