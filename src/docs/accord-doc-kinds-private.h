/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-doc-gettext.h"
#include "accord-doc-kinds.h"

G_BEGIN_DECLS

/* Shared by the builders of the six kinds (accord-doc-<kind>.c): reading
 * the content snapshot (accord-doc-kinds.h) and the pieces every document
 * has.  Returned strings are translated C_("document", …) texts. */

typedef gboolean (*AccordDocKindBuild) (JsonObject        *content,
                                        AccordDocBuilder  *b,
                                        GError           **error);

gboolean    accord_doc_build_hearing_notice            (JsonObject        *content,
                                                        AccordDocBuilder  *b,
                                                        GError           **error);
gboolean    accord_doc_build_hearing_minutes           (JsonObject        *content,
                                                        AccordDocBuilder  *b,
                                                        GError           **error);
gboolean    accord_doc_build_hearing_opinion           (JsonObject        *content,
                                                        AccordDocBuilder  *b,
                                                        GError           **error);
gboolean    accord_doc_build_mediation_agreement       (JsonObject        *content,
                                                        AccordDocBuilder  *b,
                                                        GError           **error);
gboolean    accord_doc_build_closure_commitment        (JsonObject        *content,
                                                        AccordDocBuilder  *b,
                                                        GError           **error);
gboolean    accord_doc_build_non_repetition_agreement  (JsonObject        *content,
                                                        AccordDocBuilder  *b,
                                                        GError           **error);

/* Reading the snapshot: NULL (or @fallback) when absent, null or empty. */
const char *accord_doc_kinds_string      (JsonObject  *object,
                                          const char  *member);
JsonObject *accord_doc_kinds_object      (JsonObject  *object,
                                          const char  *member);
JsonArray  *accord_doc_kinds_array       (JsonObject  *object,
                                          const char  *member);
gint64      accord_doc_kinds_int         (JsonObject  *object,
                                          const char  *member,
                                          gint64       fallback);
gboolean    accord_doc_kinds_bool        (JsonObject  *object,
                                          const char  *member);
const char *accord_doc_kinds_case_string (JsonObject  *content,
                                          const char  *member);
gboolean    accord_doc_kinds_fail        (GError     **error,
                                          const char  *message);

/* Texts */
char       *accord_doc_kinds_date        (const char  *iso_date);
char       *accord_doc_kinds_amount      (gint64       fen);
char       *accord_doc_kinds_session_time (JsonObject *session);
const char *accord_doc_kinds_count       (guint        n);
const char *accord_doc_kinds_ordinal     (guint        n);
const char *accord_doc_kinds_role_label  (const char  *role);
const char *accord_doc_kinds_or_blank    (const char  *text);
const char *accord_doc_kinds_case_title  (JsonObject  *content);
const char *accord_doc_kinds_case_number (JsonObject  *content);
const char *accord_doc_kinds_unit        (JsonObject  *content);
char       *accord_doc_kinds_term_text   (JsonObject  *term,
                                          const char  *party);

/* Participants of the session */
gboolean    accord_doc_kinds_attends     (JsonObject  *participant);
GPtrArray  *accord_doc_kinds_participants (JsonObject *content,
                                          const char  *role,
                                          gboolean     attending_only);
char       *accord_doc_kinds_names       (JsonObject  *content,
                                          const char  *role,
                                          gboolean     attending_only);
char       *accord_doc_kinds_petitioner_names (JsonObject *content);
guint       accord_doc_kinds_n_petitioners (JsonObject *content);

/* Blocks */
void        accord_doc_kinds_header      (AccordDocBuilder *b,
                                          JsonObject       *content,
                                          const char       *title);
void        accord_doc_kinds_field       (AccordDocBuilder *b,
                                          const char       *label,
                                          const char       *value);
void        accord_doc_kinds_item        (AccordDocBuilder *b,
                                          guint            *counter,
                                          const char       *text);
void        accord_doc_kinds_itemf       (AccordDocBuilder *b,
                                          guint            *counter,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (3, 4);
void        accord_doc_kinds_paragraphf  (AccordDocBuilder *b,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void        accord_doc_kinds_paragraphs  (AccordDocBuilder *b,
                                          JsonArray        *strings);
gboolean    accord_doc_kinds_has_resolution (JsonObject *content);
gboolean    accord_doc_kinds_add_resolution (AccordDocBuilder *b,
                                          JsonObject       *content);
void        accord_doc_kinds_petitioner_fields (AccordDocBuilder *b,
                                          JsonObject       *content,
                                          const char       *label);
void        accord_doc_kinds_sign_petitioners (AccordDocBuilder *b,
                                          JsonObject       *content,
                                          const char       *label);
void        accord_doc_kinds_sign_role   (AccordDocBuilder *b,
                                          JsonObject       *content,
                                          const char       *role);
void        accord_doc_kinds_sign_witnesses (AccordDocBuilder *b,
                                          JsonObject       *content);
void        accord_doc_kinds_sign_officer (AccordDocBuilder *b,
                                          JsonObject       *content);
void        accord_doc_kinds_seal        (AccordDocBuilder *b,
                                          JsonObject       *content,
                                          const char       *label);

G_END_DECLS
