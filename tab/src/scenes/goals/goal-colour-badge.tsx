import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleFilled, WarningFilled } from '@fluentui/react-icons';
import { useI18n } from '../../i18n/i18n-context';
import { colourKey, type GoalColour } from './goal-model';

const appearance = {
  green: { color: 'success', icon: <CheckmarkCircleFilled /> },
  yellow: { color: 'warning', icon: <WarningFilled /> },
  red: { color: 'danger', icon: <DismissCircleFilled /> },
  none: { color: 'informative', icon: <CircleRegular /> },
} as const;

/** A goal's status: colour, icon and words together, so it reads without seeing colour. */
export function GoalColourBadge(props: { colour: GoalColour }) {
  const { t } = useI18n();
  const { color, icon } = appearance[props.colour];
  return (
    <Badge appearance="tint" shape="rounded" color={color} icon={icon} size="large">
      {t(colourKey[props.colour])}
    </Badge>
  );
}
