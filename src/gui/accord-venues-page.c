/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-venues-page"

#include <glib/gi18n.h>

#include "accord-venues-page.h"

struct _AccordVenuesPage
{
  AdwBin       parent_instance;

  AccordStore *store;
};

G_DEFINE_FINAL_TYPE (AccordVenuesPage, accord_venues_page, ADW_TYPE_BIN)

static void
accord_venues_page_dispose (GObject *object)
{
  AccordVenuesPage *self = ACCORD_VENUES_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_VENUES_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_venues_page_parent_class)->dispose (object);
}

static void
accord_venues_page_class_init (AccordVenuesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_venues_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-venues-page.ui");
}

static void
accord_venues_page_init (AccordVenuesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
accord_venues_page_set_store (AccordVenuesPage *self,
                            AccordStore    *store)
{
  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
accord_venues_page_reload (AccordVenuesPage *self)
{
  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));
}

void
accord_venues_page_set_search (AccordVenuesPage *self,
                             const char     *text)
{
  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));
}
