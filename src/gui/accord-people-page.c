/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-people-page"

#include <glib/gi18n.h>

#include "accord-people-page.h"

struct _AccordPeoplePage
{
  AdwBin       parent_instance;

  AccordStore *store;
};

G_DEFINE_FINAL_TYPE (AccordPeoplePage, accord_people_page, ADW_TYPE_BIN)

static void
accord_people_page_dispose (GObject *object)
{
  AccordPeoplePage *self = ACCORD_PEOPLE_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_people_page_parent_class)->dispose (object);
}

static void
accord_people_page_class_init (AccordPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_people_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-people-page.ui");
}

static void
accord_people_page_init (AccordPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
accord_people_page_set_store (AccordPeoplePage *self,
                            AccordStore    *store)
{
  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
accord_people_page_reload (AccordPeoplePage *self)
{
  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));
}

void
accord_people_page_set_search (AccordPeoplePage *self,
                             const char     *text)
{
  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));
}
