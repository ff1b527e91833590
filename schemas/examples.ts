// Request examples: the OpenAPI document shows them and Swagger UI pre-fills
// "Try it out" with them. They are real requests: test/openapi-examples.test.ts
// sends each one to the service, in this order, and expects it to succeed.

/** The bootstrap admin of the README (`ADMIN_EMAIL`, `ADMIN_PASSWORD`). */
export const loginExample = { email: 'admin@example.com', password: 'change-me-please' }

export const userCreateExample = { email: 'editor@example.com', name: 'Edith Editor', password: 'correct-horse-battery', role: 'editor' }

export const userUpdateExample = { role: 'viewer' }

/** A new name (a new password, with `current_password`, would end this session). */
export const ownUserUpdateExample = { name: 'Ada Administrator' }

const fields = [
  { name: 'full_name', label: 'Full name', type: 'text', required: true },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'rating', label: 'How would you rate us?', type: 'select', required: true, options: ['1', '2', '3', '4', '5'] },
  { name: 'topics', label: 'What did you use?', type: 'checkbox', options: ['forms', 'dashboards', 'webhooks'] },
  { name: 'visits', label: 'Visits this month', type: 'number' }
]

/** A new form starts as a draft. */
export const formCreateExample = { title: 'Customer feedback', description: 'Tell us how we did', fields }

export const formReplaceExample = { title: 'Customer feedback', description: 'Tell us how we did this month', status: 'draft', fields }

export const formPatchExample = { status: 'published' }

/** Answers to the example form's fields. */
export const responseSubmitExample = {
  answers: { full_name: 'Ada Lovelace', email: 'ada@example.com', rating: '5', topics: ['forms', 'webhooks'], visits: 3 }
}

export const webhookCreateExample = { url: 'https://hooks.example.com/forms', events: ['response.submitted'] }

export const webhookPatchExample = { active: false }

export const dashboardLayoutExample = {
  widgets: [
    { widget_id: 'forms_by_status', x: 0, y: 0, w: 6, h: 4 },
    { widget_id: 'responses_last_30_days', x: 6, y: 0, w: 6, h: 4 }
  ]
}

export const warmupExample = { forms: ['665f1c2e9b1e8a3d4c5b6a79'] }
