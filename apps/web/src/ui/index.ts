export { Button, SubmitButton } from './buttons';
export { EmptyState, ErrorAlert, Loading, Spinner, SuccessNotice } from './feedback';
export { SelectField, TextAreaField, TextField } from './field';
export { Card, PageHeader, PageTitle, Section } from './page';
export { QueryView } from './query-view';
export { StatusBadge, type Tone } from './status-badge';
export { DetailsList } from './details-list';
export { ListSection } from './list-section';
