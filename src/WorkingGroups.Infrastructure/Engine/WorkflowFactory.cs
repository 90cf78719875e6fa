using WorkflowCore.Models;
using WorkflowCore.Primitives;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Engine.Steps;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Builds the WorkflowCore definition of one definition version. Shape (docs/decisions/0004-engine-mapping.md):
/// a root Sequence (step 0) whose children are one branch per step, all started at once:
/// OpenStep (the join) -> AwaitStep (the step recorded done) -> CloseStep. In the older shapes the wait is a
/// WaitFor(step completed) event (<see cref="EngineShape.StepWaits"/>), and in the oldest an invitations step waits in a
/// parallel Foreach with one WaitFor per invited body (docs/decisions/0014-one-event-per-step.md,
/// 0017-steps-wait-on-the-record.md). When every branch has ended, EstablishProcess runs.
/// </summary>
public static class WorkflowFactory
{
    public static WorkflowDefinition Build(ProcessDefinition definition, EngineShape shape)
    {
        var steps = new WorkflowStepCollection();
        var root = Add(steps, new WorkflowStep<Sequence> { Name = "process" });
        // Per step, the engine ids of the joins that wait on it: filled as the joins are added, read when a step closes.
        var dependentJoins = definition.Steps.ToDictionary(s => s.Id, _ => new HashSet<int>());

        foreach (var step in definition.Steps)
        {
            var stepId = step.Id;
            var open = Add(steps, new WorkflowStep<OpenStep> { Name = $"open {stepId}" });
            foreach (var before in step.After) dependentJoins[before].Add(open.Id);
            open.Inputs.Add(new ActionParameter<OpenStep, ProcessData>((body, _) => body.StepId = stepId));
            root.Children.Add(open.Id);

            WorkflowStep wait;
            if (step.Kind == StepKind.Invitations && shape == EngineShape.AnswerWaits)
            {
                var invitees = step.Invitees.ToList();
                wait = Add(steps, new WorkflowStep<Foreach> { Name = $"answers {stepId}" });
                wait.Inputs.Add(new ActionParameter<Foreach, ProcessData>((body, _) =>
                {
                    body.Collection = invitees;
                    body.RunParallel = true;
                }));
                var answer = Add(steps, new WorkflowStep<WaitFor> { Name = $"answer {stepId}" });
                answer.Inputs.Add(new ActionParameter<WaitFor, ProcessData>((body, data, context) =>
                {
                    body.EventName = EngineEvents.InvitationAnswered;
                    body.EventKey = EngineEvents.InvitationKey(data.ProcessId, stepId, (string)context.Item);
                    body.EffectiveDate = context.Workflow.CreateTime;
                }));
                wait.Children.Add(answer.Id);
            }
            else if (shape == EngineShape.ProjectionWaits)
            {
                wait = Add(steps, new WorkflowStep<AwaitStep> { Name = $"await {stepId}" });
                wait.Inputs.Add(new ActionParameter<AwaitStep, ProcessData>((body, _) => body.StepId = stepId));
            }
            else
            {
                wait = Add(steps, new WorkflowStep<WaitFor> { Name = $"complete {stepId}" });
                wait.Inputs.Add(new ActionParameter<WaitFor, ProcessData>((body, data, context) =>
                {
                    body.EventName = EngineEvents.StepCompleted;
                    body.EventKey = EngineEvents.StepKey(data.ProcessId, stepId);
                    // The instance's creation time: earlier events of other instances are ignored, and an event
                    // that arrived before this wait was reached is still received.
                    body.EffectiveDate = context.Workflow.CreateTime;
                }));
            }
            open.Outcomes.Add(new ValueOutcome { NextStep = wait.Id });

            var close = Add(steps, new WorkflowStep<CloseStep> { Name = $"close {stepId}" });
            var joins = dependentJoins[stepId];
            close.Inputs.Add(new ActionParameter<CloseStep, ProcessData>((body, _) => body.Joins = joins));
            wait.Outcomes.Add(new ValueOutcome { NextStep = close.Id });
        }

        var establish = Add(steps, new WorkflowStep<EstablishProcess> { Name = "establish" });
        root.Outcomes.Add(new ValueOutcome { NextStep = establish.Id });

        return new WorkflowDefinition
        {
            Id = EngineEvents.WorkflowId(definition.Id, shape),
            Version = definition.Version,
            Description = definition.Title.Get("en"),
            DataType = typeof(ProcessData),
            Steps = steps,
            // Never retry forever: a failing instance is suspended and shown on the process (see ADR 0004).
            DefaultErrorBehavior = WorkflowErrorHandling.Suspend,
        };
    }

    /// <summary>Ids are assigned in order before adding: the first step must be 0.</summary>
    private static T Add<T>(WorkflowStepCollection steps, T step) where T : WorkflowStep
    {
        step.Id = steps.Count;
        steps.Add(step);
        return step;
    }
}
