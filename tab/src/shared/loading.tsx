import { Spinner } from '@fluentui/react-components';

export function Loading(props: { label: string }) {
  return (
    <div role="status" style={{ padding: '24px 0' }}>
      <Spinner size="small" label={props.label} labelPosition="after" />
    </div>
  );
}
