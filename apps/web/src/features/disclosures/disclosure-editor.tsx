import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useForm, useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  Button,
  ErrorAlert,
  SelectField,
  SuccessNotice,
  TextAreaField,
  TextField,
} from "../../app/ui";
import {
  ApiError,
  createDisclosure,
  listRemedyPolicies,
  makeOffer,
  takeStep,
  updateDisclosure,
  type Engagement,
  type Member,
  type OfferInput,
  type StaffDisclosure,
} from "../../lib/api";
import { useErrorMessages } from "../../lib/i18n/use-error-messages";
import { toLocalInput } from "../../lib/format";
import { useFieldError } from "../../lib/i18n/use-field-error";
import { useMember } from "../me/current-member";
import { staffOf, useMembers } from "../team/member-queries";
import { ClientStory } from "./client-story";
import { useOfferText } from "./disclosure-labels";
import { useDisclosureChange } from "./disclosure-queries";
import {
  CATEGORIES,
  DETECTED_BY,
  disclosureSchema,
  disclosureValues,
  emptyOffer,
  fieldProblems,
  newDisclosureValues,
  SEVERITIES,
  toDisclosureInput,
  toDisclosurePatch,
  toOfferInput,
  type ClientField,
  type DisclosureForm,
  type FieldProblem,
} from "./disclosure-schema";
import { OfferFields } from "./offer-fields";

type Intent = "save" | "review" | "disclose";

/** A new disclosure started from elsewhere (the late-work email): values to begin with and the deliverable it is about. */
export interface DisclosureDraft {
  values: Partial<Omit<DisclosureForm, "offer">>;
  deliverableId?: string;
}

function Step({
  id,
  number,
  title,
  hint,
  children,
  internal,
}: {
  id: string;
  number: number;
  title: string;
  hint?: string;
  children: ReactNode;
  internal?: boolean;
}) {
  return (
    <fieldset
      id={id}
      className={internal ? "editor-step editor-step-internal" : "editor-step"}
    >
      <legend className="editor-step-title">
        <span className="editor-step-number" aria-hidden="true">
          {number}
        </span>
        {title}
      </legend>
      {hint ? <p className="field-hint editor-step-hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** The live preview: the client's view of the words being written, signed "<tenant> team". */
function Preview({
  control,
  offerCurrency,
  author,
  sentOffers,
  children,
}: {
  control: Control<DisclosureForm>;
  offerCurrency: string;
  author: string;
  sentOffers: OfferInput[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const offerText = useOfferText();
  const values = useWatch({ control }) as DisclosureForm;
  const typed = values.offer?.kind ? toOfferInput(values.offer) : null;
  const offers = typed ? [...sentOffers, typed] : sentOffers;
  const empty =
    !values.whatHappened?.trim() &&
    !values.impact?.trim() &&
    !values.apology?.trim() &&
    !values.remedyPlan?.trim();
  return (
    <aside className="editor-preview" aria-labelledby="preview-title">
      <div className="editor-preview-inner" data-testid="disclosure-preview">
        <h2 id="preview-title" className="panel-title">
          {t("disclosure.editor.previewTitle")}
        </h2>
        <p className="panel-description">
          {t("disclosure.editor.previewDescription")}
        </p>
        {empty ? (
          <p className="muted preview-empty">
            {t("disclosure.editor.previewEmpty")}
          </p>
        ) : null}
        <ClientStory
          author={author}
          story={{
            category: values.category,
            severity: values.severity,
            whatHappened: values.whatHappened ?? "",
            impact: values.impact ?? "",
            apology: values.apology ?? "",
            remedyPlan: values.remedyPlan ?? "",
            remedyDueAt: values.remedyDueAt
              ? new Date(values.remedyDueAt).toISOString()
              : null,
          }}
          footer={
            offers.length ? (
              <div className="story-part">
                <h3 className="story-heading">
                  {t("disclosure.client.offersTitle")}
                </h3>
                {offers.map((offer, index) => (
                  <div key={index}>
                    <p className="offer-value">
                      {offerText({
                        kind: offer.kind,
                        value: offer.value ?? null,
                        currency: offer.currency ?? offerCurrency,
                      })}
                    </p>
                    {offer.note ? (
                      <p className="notes muted">{offer.note}</p>
                    ) : null}
                  </div>
                ))}
              </div>
            ) : null
          }
        />
      </div>
      {children}
    </aside>
  );
}

/**
 * Writing a disclosure: the facts, the impact, an apology, a remedy and an optional offer for the
 * client, then the team's blameless review, with the client's view beside it as it is typed. Saving,
 * sending for review and disclosing all save first; the API's refusals land next to the field they concern.
 */
export function DisclosureEditor({
  engagement,
  disclosure,
  draft,
  requireReview,
  showStaffNames,
}: {
  engagement: Engagement;
  disclosure?: StaffDisclosure;
  draft?: DisclosureDraft;
  requireReview: boolean;
  showStaffNames: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const member = useMember();
  const members = useMembers();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  // A new draft keeps its id once saved, so a refused step never creates it twice.
  const [savedId, setSavedId] = useState(disclosure?.id);
  const [sentOffers, setSentOffers] = useState<OfferInput[]>(() =>
    (disclosure?.offers ?? [])
      .filter((offer) => offer.status === "offered")
      .map((offer) => ({
        kind: offer.kind,
        ...(offer.value ? { value: offer.value } : {}),
        ...(offer.currency ? { currency: offer.currency } : {}),
        note: offer.note,
      })),
  );
  const submit = useDisclosureChange(
    async ({ intent, values }: { intent: Intent; values: DisclosureForm }) => {
      const saved = savedId
        ? await updateDisclosure(savedId, toDisclosurePatch(values))
        : await createDisclosure(
            toDisclosureInput(engagement.id, values, draft?.deliverableId),
          );
      setSavedId(saved.id);
      // The API may have filled in the remedy agreed up front: the form holds it from now on, so the
      // next save after a refused step sends it back instead of an empty remedy.
      if (!values.remedyPlan.trim() && saved.remedyPlan)
        form.setValue("remedyPlan", saved.remedyPlan);
      if (!values.remedyDueAt && saved.remedyDueAt)
        form.setValue("remedyDueAt", toLocalInput(new Date(saved.remedyDueAt)));
      const offer = toOfferInput(values.offer);
      if (offer) {
        await makeOffer(saved.id, offer);
        setSentOffers((sent) => [...sent, offer]);
        form.resetField("offer", {
          defaultValue: emptyOffer(values.offer.currency),
        });
      }
      if (intent === "review")
        await takeStep(saved.id, { step: "submit-for-review" });
      if (intent === "disclose") await takeStep(saved.id, { step: "disclose" });
      return saved.id;
    },
  );
  const [problems, setProblems] = useState<{
    messages: string[];
    fields: FieldProblem[];
  }>({ messages: [], fields: [] });
  const [saved, setSaved] = useState(false);
  const formId = useId();
  const form = useForm<DisclosureForm>({
    resolver: zodResolver(disclosureSchema),
    defaultValues: disclosure
      ? {
          ...disclosureValues(disclosure),
          offer: emptyOffer(engagement.currency),
        }
      : {
          ...newDisclosureValues(),
          ...draft?.values,
          offer: emptyOffer(engagement.currency),
        },
  });
  const { errors } = form.formState;
  const pending = submit.isPending;
  const agreed = useAgreedRemedy(engagement.id, !disclosure && !savedId, form);
  const status = disclosure?.status ?? "draft";
  const reviewer = member.role === "owner" || member.role === "manager";
  const mayReview =
    status === "draft" &&
    (disclosure?.allowedNextStatuses ?? ["in_review"]).includes("in_review");
  const mayDisclose =
    (!requireReview || reviewer) &&
    (disclosure?.allowedNextStatuses ?? ["disclosed"]).includes("disclosed");

  const clientFieldError = (field: ClientField) => {
    const own = fieldError(errors[field]);
    if (own) return own;
    const problem = problems.fields.find((p) => p.field === field);
    if (!problem) return undefined;
    return problem.words
      ? t("disclosure.editor.namesPerson", { words: problem.words })
      : t("disclosure.editor.missingPart");
  };

  const run = (intent: Intent) =>
    form.handleSubmit(async (values) => {
      if (pending) return;
      setProblems({ messages: [], fields: [] });
      setSaved(false);
      try {
        const id = await submit.mutateAsync({ intent, values });
        if (intent === "save" && disclosure) setSaved(true);
        else void navigate(`/disclosures/${id}`, { replace: !!disclosure });
      } catch (error) {
        const messages = errorMessages(error);
        const fields =
          error instanceof ApiError && error.status === 400
            ? fieldProblems(error.details)
            : [];
        setProblems({ messages, fields });
        const first = fields[0];
        if (first) form.setFocus(first.field);
      }
    });

  const register = form.register;
  const textArea = (
    field: ClientField,
    label: string,
    hint: string,
    rows = 4,
  ) => (
    <TextAreaField
      label={label}
      hint={hint}
      rows={rows}
      error={clientFieldError(field)}
      {...register(field)}
    />
  );

  return (
    <div className="editor">
      <form
        id={formId}
        className="form editor-form"
        noValidate
        aria-label={
          disclosure
            ? t("disclosure.editor.editTitle")
            : t("disclosure.editor.newTitle")
        }
        onSubmit={run("save")}
      >
        <nav
          className="editor-steps"
          aria-label={t("disclosure.editor.basicsTitle")}
        >
          <ol>
            {(
              [
                "facts",
                "impact",
                "apology",
                "remedy",
                "offer",
                "internal",
              ] as const
            ).map((step, index) => (
              <li key={step}>
                <a href={`#step-${step}`}>
                  <span aria-hidden="true">{index + 1}</span>{" "}
                  {t(
                    `disclosure.editor.step${step.charAt(0).toUpperCase()}${step.slice(1)}` as "disclosure.editor.stepFacts",
                  )}
                </a>
              </li>
            ))}
          </ol>
        </nav>

        <Step
          id="step-facts"
          number={1}
          title={t("disclosure.editor.stepFacts")}
        >
          <div className="field-row">
            <SelectField
              label={t("disclosure.editor.category")}
              {...register("category")}
            >
              {CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {t(`disclosure.category.${value}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("disclosure.editor.severity")}
              {...register("severity")}
            >
              {SEVERITIES.map((value) => (
                <option key={value} value={value}>
                  {t(`disclosure.severity.${value}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("disclosure.editor.detectedBy")}
              {...register("detectedBy")}
            >
              {DETECTED_BY.map((value) => (
                <option key={value} value={value}>
                  {t(`disclosure.detectedBy.${value}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="field-row">
            <TextField
              type="datetime-local"
              label={t("disclosure.editor.occurredAt")}
              error={fieldError(errors.occurredAt)}
              {...register("occurredAt")}
            />
            <TextField
              type="datetime-local"
              label={t("disclosure.editor.discoveredAt")}
              hint={t("disclosure.editor.discoveredHint")}
              error={fieldError(errors.discoveredAt)}
              {...register("discoveredAt")}
            />
          </div>
          {textArea(
            "whatHappened",
            t("disclosure.editor.whatHappened"),
            t("disclosure.editor.whatHappenedHint"),
            5,
          )}
        </Step>
        <Step
          id="step-impact"
          number={2}
          title={t("disclosure.editor.stepImpact")}
        >
          {textArea(
            "impact",
            t("disclosure.editor.impact"),
            t("disclosure.editor.impactHint"),
          )}
        </Step>
        <Step
          id="step-apology"
          number={3}
          title={t("disclosure.editor.stepApology")}
        >
          {textArea(
            "apology",
            t("disclosure.editor.apology"),
            t("disclosure.editor.apologyHint"),
            3,
          )}
        </Step>
        <Step
          id="step-remedy"
          number={4}
          title={t("disclosure.editor.stepRemedy")}
        >
          {agreed ? (
            <p className="field-hint" data-testid="agreed-remedy-note">
              {t("disclosure.editor.agreedRemedy")}
            </p>
          ) : null}
          {textArea(
            "remedyPlan",
            t("disclosure.editor.remedyPlan"),
            t("disclosure.editor.remedyPlanHint"),
          )}
          <TextField
            type="datetime-local"
            label={t("disclosure.editor.remedyDueAt")}
            optional
            error={fieldError(errors.remedyDueAt)}
            {...register("remedyDueAt")}
          />
        </Step>
        <Step
          id="step-offer"
          number={5}
          title={t("disclosure.editor.offerTitle")}
          hint={t("disclosure.editor.offerDescription")}
        >
          <OfferFields
            control={form.control}
            register={register}
            errors={errors.offer}
          />
        </Step>
        <Step
          id="step-internal"
          number={6}
          title={t("disclosure.editor.internalTitle")}
          hint={t("disclosure.editor.internalDescription")}
          internal
        >
          <TextAreaField
            label={t("disclosure.editor.rootCause")}
            hint={t("disclosure.editor.rootCauseHint")}
            rows={3}
            error={fieldError(errors.rootCause)}
            {...register("rootCause")}
          />
          <fieldset className="checkbox-group">
            <legend className="field-label">
              {t("disclosure.editor.involved")}
            </legend>
            <p className="field-hint">{t("disclosure.editor.involvedHint")}</p>
            {involvable(engagement, member, members.data ?? []).map((person) => (
              <label key={person.id} className="checkbox">
                <input
                  type="checkbox"
                  value={person.id}
                  {...register("involvedUserIds")}
                />
                <span>{person.displayName}</span>
              </label>
            ))}
          </fieldset>
          <TextAreaField
            label={t("disclosure.editor.contributingFactors")}
            rows={3}
            error={fieldError(errors.contributingFactors)}
            {...register("contributingFactors")}
          />
          <TextAreaField
            label={t("disclosure.editor.lessonsLearned")}
            hint={t("disclosure.editor.lessonsLearnedHint")}
            rows={3}
            error={fieldError(errors.lessonsLearned)}
            {...register("lessonsLearned")}
          />
          <TextAreaField
            label={t("disclosure.editor.preventiveActions")}
            rows={3}
            error={fieldError(errors.preventiveActions)}
            {...register("preventiveActions")}
          />
        </Step>
      </form>
      <Preview
        control={form.control}
        offerCurrency={engagement.currency}
        author={
          showStaffNames
            ? (disclosure?.author.displayName ?? member.user.displayName)
            : t("disclosure.teamName", { tenant: member.tenant.name })
        }
        sentOffers={sentOffers}
      >
        <div className="editor-actions">
          <ErrorAlert
            title={
              problems.messages.length
                ? t("disclosure.editor.refusedTitle")
                : undefined
            }
            messages={problems.messages}
          />
          {saved ? (
            <SuccessNotice>{t("disclosure.editor.saved")}</SuccessNotice>
          ) : null}
          {requireReview && !reviewer ? (
            <p className="muted">{t("disclosure.editor.reviewRequired")}</p>
          ) : null}
          <div className="form-actions">
            <Button type="submit" form={formId} pending={pending}>
              {t("disclosure.editor.saveDraft")}
            </Button>
            {mayReview && (requireReview || !reviewer) ? (
              <Button
                variant={mayDisclose ? "secondary" : "primary"}
                pending={pending}
                onClick={() => void run("review")()}
              >
                {t("disclosure.editor.submitForReview")}
              </Button>
            ) : null}
            {mayDisclose ? (
              <Button
                variant="primary"
                pending={pending}
                onClick={() => void run("disclose")()}
              >
                {t("disclosure.editor.disclose")}
              </Button>
            ) : null}
          </div>
        </div>
      </Preview>
    </div>
  );
}

/**
 * A new draft starts with the remedy agreed with the client for its category, as the API would
 * fill it in: shown and editable here, replaced when the category changes while it is untouched.
 * Returns whether the remedy in the form is the agreed one.
 */
function useAgreedRemedy(
  engagementId: string,
  active: boolean,
  form: ReturnType<typeof useForm<DisclosureForm>>,
): boolean {
  const policies = useQuery({
    queryKey: ["remedy-policies", engagementId],
    queryFn: () => listRemedyPolicies(engagementId),
    enabled: active,
  });
  const category = useWatch({ control: form.control, name: "category" });
  const remedyPlan = useWatch({ control: form.control, name: "remedyPlan" });
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (!active || !policies.data) return;
    const current = form.getValues("remedyPlan");
    // Only an empty remedy, or the one filled in here for another category, gives way.
    if (current.trim() && current !== filled.current) return;
    const policy = policies.data.find((p) => p.category === category);
    form.setValue("remedyPlan", policy?.remedyPlan ?? "");
    form.setValue(
      "remedyDueAt",
      policy
        ? toLocalInput(new Date(Date.now() + policy.remedyDueHours * 3_600_000))
        : "",
    );
    filled.current = policy?.remedyPlan ?? null;
  }, [active, policies.data, category, form]);
  return filled.current !== null && filled.current === remedyPlan;
}

/**
 * Who may be named as involved: anyone on the team (the engagement's assistants first), and the
 * author themself while the team list loads.
 */
function involvable(
  engagement: Engagement,
  member: ReturnType<typeof useMember>,
  members: Member[],
) {
  const assigned = new Set(engagement.assistants.map((person) => person.id));
  const team = staffOf(members).map((person) => ({
    id: person.userId,
    displayName: person.displayName,
  }));
  const people = [
    ...engagement.assistants,
    ...team.filter((person) => !assigned.has(person.id)),
  ];
  if (!people.some((person) => person.id === member.user.id))
    people.push({ id: member.user.id, displayName: member.user.displayName });
  return people;
}
