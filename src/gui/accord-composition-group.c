/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-composition-group"

/* Who a hearing's panel or a mediation must include, one row for each
 * requirement ("At least 1 of: Lawyer or Legal worker").  Each change is
 * checked by core and saved at once as the setting the scheduler reads;
 * the window's scheduler is then made again so that it follows. */

#include <glib/gi18n.h>

#include "accord-composition.h"
#include "accord-composition-group.h"
#include "accord-window.h"

struct _AccordCompositionGroup
{
  AdwPreferencesGroup  parent_instance;

  AccordStore         *store;
  char                *session_kind;
  GPtrArray           *requirements;   /* AccordRequirement */
  GPtrArray           *rows;           /* one AdwActionRow per requirement */

  /* Template widgets */
  AdwActionRow        *empty_row;
};

enum
{
  PROP_0,
  PROP_SESSION_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordCompositionGroup, accord_composition_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *
setting_key (AccordCompositionGroup *self)
{
  return accord_composition_key (self->session_kind);
}

static AccordVocab
vocab (AccordCompositionGroup *self)
{
  return accord_composition_vocab (self->session_kind);
}

static void
add_toast (AccordCompositionGroup *self,
           AdwToast               *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static char *
row_title (AccordCompositionGroup  *self,
           const AccordRequirement *requirement)
{
  g_autofree char *roles = accord_requirement_describe (requirement, vocab (self));

  return g_strdup_printf (_("At least %d of: %s"), requirement->count, roles);
}

static void on_count_changed_cb (GtkSpinButton          *spin,
                                 AccordCompositionGroup *self);

static GtkWidget *
make_row (AccordCompositionGroup  *self,
          const AccordRequirement *requirement,
          guint                    index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, ACCORD_COMPOSITION_MAX_COUNT, 1);
  GtkWidget *trash = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = row_title (self, requirement);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), requirement->count);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, _("How many people at least"));
  g_object_set_data (G_OBJECT (spin), "accord-index", GUINT_TO_POINTER (index));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_count_changed_cb), self);

  gtk_widget_set_valign (trash, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (trash, _("Remove"));
  gtk_widget_add_css_class (trash, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (trash), "composition.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (trash), "u", index);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), trash);
  return row;
}

/* The rows again, from the stored setting.  A setting core no longer
 * accepts (written by an older version) is shown as no requirement. */
static void
load (AccordCompositionGroup *self)
{
  g_autofree char *text = accord_store_get_setting (self->store, setting_key (self),
                                                    accord_composition_default (self->session_kind));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  g_clear_pointer (&self->requirements, g_ptr_array_unref);
  self->requirements = accord_composition_parse (text, vocab (self), &error);
  if (self->requirements == NULL)
    {
      g_debug ("Stored %s not understood: %s", setting_key (self), error->message);
      self->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_requirement_free);
    }

  for (guint i = 0; i < self->requirements->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (self->requirements, i), i);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->requirements->len == 0);
}

static gboolean
save_text (AccordCompositionGroup *self,
           const char             *text)
{
  g_autoptr(GError) error = NULL;
  AccordWindow *window;

  if (!accord_store_set_setting (self->store, setting_key (self), text, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  if ((window = accord_window_of (GTK_WIDGET (self))) != NULL)
    accord_window_rules_changed (window);
  return TRUE;
}

static gboolean
save (AccordCompositionGroup *self)
{
  g_autofree char *text = accord_composition_format (self->requirements);

  return save_text (self, text);
}

static void
on_count_changed_cb (GtkSpinButton          *spin,
                     AccordCompositionGroup *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "accord-index"));
  AccordRequirement *requirement;
  g_autofree char *title = NULL;

  g_return_if_fail (index < self->requirements->len);

  requirement = g_ptr_array_index (self->requirements, index);
  requirement->count = gtk_spin_button_get_value_as_int (spin);
  if (!save (self))
    {
      load (self);
      return;
    }
  /* Only the title changes: the spin button keeps its focus. */
  title = row_title (self, requirement);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (g_ptr_array_index (self->rows, index)), title);
}

static void
on_undo_remove_cb (AdwToast               *toast,
                   AccordCompositionGroup *self)
{
  save_text (self, g_object_get_data (G_OBJECT (toast), "accord-previous"));
  load (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordCompositionGroup *self = ACCORD_COMPOSITION_GROUP (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autofree char *previous = NULL;
  AdwToast *toast;

  if (index >= self->requirements->len)
    return;

  previous = accord_composition_format (self->requirements);
  g_ptr_array_remove_index (self->requirements, index);
  if (!save (self))
    {
      load (self);
      return;
    }
  load (self);

  toast = adw_toast_new (_("Requirement removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "accord-previous", g_steal_pointer (&previous), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  add_toast (self, toast);
}

/* The roles ticked in the dialog, in the vocabulary's order. */
static GPtrArray *
checked_roles (GtkWidget *grid)
{
  GPtrArray *roles = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_ptr_array_add (roles, (gpointer) gtk_widget_get_name (child));
  g_ptr_array_add (roles, NULL);
  return roles;
}

static void
on_role_toggled_cb (GtkCheckButton   *button,
                    AdwMessageDialog *dialog)
{
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (button));
  g_autoptr(GPtrArray) roles = checked_roles (grid);

  adw_message_dialog_set_response_enabled (dialog, "add", roles->len > 1);
}

static void
on_add_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    AccordCompositionGroup *self)
{
  GtkWidget *grid = g_object_get_data (G_OBJECT (dialog), "accord-roles");
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "accord-count");
  g_autoptr(GPtrArray) roles = NULL;

  if (!g_str_equal (response, "add"))
    return;
  roles = checked_roles (grid);
  if (roles->len < 2)
    return;

  gtk_spin_button_update (spin);
  g_ptr_array_add (self->requirements,
                   accord_requirement_new ((const char * const *) roles->pdata,
                                           gtk_spin_button_get_value_as_int (spin)));
  if (save (self))
    add_toast (self, adw_toast_new (_("Requirement added")));
  load (self);
}

static GtkWidget *
make_role_grid (AccordCompositionGroup *self,
                AdwMessageDialog       *dialog)
{
  const char * const *codes = accord_vocab_codes (vocab (self));
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (accord_vocab_label (vocab (self), codes[i]));

      gtk_widget_set_name (check, codes[i]);
      g_signal_connect (check, "toggled", G_CALLBACK (on_role_toggled_cb), dialog);
      gtk_grid_attach (GTK_GRID (grid), check, i % 2, i / 2, 1, 1);
    }
  return grid;
}

static GtkWidget *
make_count_box (GtkWidget **spin)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Number of people at least"));

  *spin = gtk_spin_button_new_with_range (1, ACCORD_COMPOSITION_MAX_COUNT, 1);
  gtk_widget_set_name (*spin, "count");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), *spin);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), *spin);
  return box;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordCompositionGroup *self = ACCORD_COMPOSITION_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean hearing = g_str_equal (self->session_kind, "hearing");
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Add a Requirement"),
                                              hearing
                                              ? _("The panel should include at least this many panelists "
                                                  "with one of the roles ticked in the pool.")
                                              : _("The session should include at least this many people "
                                                  "taking part in one of the roles ticked."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *grid = make_role_grid (self, ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *spin;

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), make_count_box (&spin));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "accord-roles", grid);
  g_object_set_data (G_OBJECT (dialog), "accord-count", spin);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accord_composition_group_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AccordCompositionGroup *self = ACCORD_COMPOSITION_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION_KIND:
      g_value_set_string (value, self->session_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_composition_group_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AccordCompositionGroup *self = ACCORD_COMPOSITION_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION_KIND:
      g_free (self->session_kind);
      self->session_kind = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_composition_group_dispose (GObject *object)
{
  AccordCompositionGroup *self = ACCORD_COMPOSITION_GROUP (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_composition_group_parent_class)->dispose (object);
}

static void
accord_composition_group_finalize (GObject *object)
{
  AccordCompositionGroup *self = ACCORD_COMPOSITION_GROUP (object);

  g_free (self->session_kind);
  g_clear_pointer (&self->requirements, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_composition_group_parent_class)->finalize (object);
}

static void
accord_composition_group_class_init (AccordCompositionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = accord_composition_group_get_property;
  object_class->set_property = accord_composition_group_set_property;
  object_class->dispose = accord_composition_group_dispose;
  object_class->finalize = accord_composition_group_finalize;

  /* "hearing" or "mediation". */
  properties[PROP_SESSION_KIND] =
    g_param_spec_string ("session-kind", NULL, NULL, "hearing",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-composition-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordCompositionGroup, empty_row);
  gtk_widget_class_install_action (widget_class, "composition.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "composition.remove", "u", remove_action);
}

static void
accord_composition_group_init (AccordCompositionGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_requirement_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composition.add", FALSE);
}

void
accord_composition_group_set_store (AccordCompositionGroup *self,
                                    AccordStore            *store)
{
  g_return_if_fail (ACCORD_IS_COMPOSITION_GROUP (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composition.add", TRUE);
  load (self);
}
