import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { toLocalInput } from '../../lib/format';
import { listRemedyPolicies } from './disclosure-endpoints';
import type { DisclosureForm } from './disclosure-schema';

/**
 * A new draft starts with the remedy agreed with the client for its category, as the API would
 * fill it in: shown and editable here, replaced when the category changes while it is untouched.
 * Returns whether the remedy in the form is the agreed one.
 */
export function useAgreedRemedy(engagementId: string, active: boolean, form: UseFormReturn<DisclosureForm>): boolean {
  const policies = useQuery({
    queryKey: ['remedy-policies', engagementId],
    queryFn: () => listRemedyPolicies(engagementId),
    enabled: active,
  });
  const category = useWatch({ control: form.control, name: 'category' });
  const remedyPlan = useWatch({ control: form.control, name: 'remedyPlan' });
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (!active || !policies.data) return;
    const current = form.getValues('remedyPlan');
    // Only an empty remedy, or the one filled in here for another category, gives way.
    if (current.trim() && current !== filled.current) return;
    const policy = policies.data.find((p) => p.category === category);
    form.setValue('remedyPlan', policy?.remedyPlan ?? '');
    form.setValue('remedyDueAt', policy ? toLocalInput(new Date(Date.now() + policy.remedyDueHours * 3_600_000)) : '');
    filled.current = policy?.remedyPlan ?? null;
  }, [active, policies.data, category, form]);
  return filled.current !== null && filled.current === remedyPlan;
}
