/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-schedule-page"

#include <glib/gi18n.h>

#include "accord-schedule-page.h"

struct _AccordSchedulePage
{
  AdwBin       parent_instance;

  AccordStore *store;
};

G_DEFINE_FINAL_TYPE (AccordSchedulePage, accord_schedule_page, ADW_TYPE_BIN)

static void
accord_schedule_page_dispose (GObject *object)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_SCHEDULE_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_schedule_page_parent_class)->dispose (object);
}

static void
accord_schedule_page_class_init (AccordSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_schedule_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-schedule-page.ui");
}

static void
accord_schedule_page_init (AccordSchedulePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
accord_schedule_page_set_store (AccordSchedulePage *self,
                            AccordStore    *store)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
accord_schedule_page_reload (AccordSchedulePage *self)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
}

void
accord_schedule_page_set_search (AccordSchedulePage *self,
                             const char     *text)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
}

/* Opens the session editor for a new session, of @case_number if given. */
void
accord_schedule_page_new_session (AccordSchedulePage *self,
                                  const char         *case_number)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
}

void
accord_schedule_page_show_session (AccordSchedulePage *self,
                                   gint64              session_id)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
}
