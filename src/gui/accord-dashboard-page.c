/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-dashboard-page"

#include <glib/gi18n.h>

#include "accord-dashboard-page.h"

struct _AccordDashboardPage
{
  AdwBin       parent_instance;

  AccordStore *store;
};

G_DEFINE_FINAL_TYPE (AccordDashboardPage, accord_dashboard_page, ADW_TYPE_BIN)

static void
accord_dashboard_page_dispose (GObject *object)
{
  AccordDashboardPage *self = ACCORD_DASHBOARD_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_dashboard_page_parent_class)->dispose (object);
}

static void
accord_dashboard_page_class_init (AccordDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_dashboard_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-dashboard-page.ui");
}

static void
accord_dashboard_page_init (AccordDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
accord_dashboard_page_set_store (AccordDashboardPage *self,
                                 AccordStore         *store)
{
  g_return_if_fail (ACCORD_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
accord_dashboard_page_reload (AccordDashboardPage *self)
{
  g_return_if_fail (ACCORD_IS_DASHBOARD_PAGE (self));
}
