using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Storyboard.Cdk.Functions;

namespace Storyboard.Cdk.Observability;

/// <summary>
/// Alarms (failed, timed-out and throttled executions; errors and throttles of every function;
/// uploads that could not start a run; failed runs whose error.json could not be written) sent to the notification topic, and one dashboard.
/// </summary>
public sealed class Monitoring : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    public Monitoring(Construct scope, string id, ITopic topic, string dashboardName)
        : base(scope, id)
    {
        Topic = topic;
        DashboardName = dashboardName;
        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = dashboardName });
    }

    public ITopic Topic { get; }

    public string DashboardName { get; }

    public Dashboard Dashboard { get; }

    /// <summary>The notification topic, with an optional e-mail subscription (confirmed by the recipient).</summary>
    public static Topic CreateTopic(Construct scope, string id, string? email)
    {
        var topic = new Topic(scope, id, new TopicProps
        {
            DisplayName = "Storyboard notifications",
            EnforceSSL = true,
        });
        if (email is not null)
        {
            topic.AddSubscription(new EmailSubscription(email));
        }

        return topic;
    }

    public void Watch(IStateMachine stateMachine, IReadOnlyList<WorkflowFunction> functions, IQueue deadLetters, IQueue unrecordedFailures)
    {
        var action = new SnsAction(Topic);
        void Alarm(string alarmId, IMetric metric, string description)
        {
            var alarm = new Alarm(this, alarmId, new AlarmProps
            {
                Metric = metric,
                Threshold = 1,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
                AlarmDescription = description,
            });
            alarm.AddAlarmAction(action);
        }

        var sum = new MetricOptions { Period = Period, Statistic = "Sum" };
        Alarm("ExecutionsFailed", stateMachine.MetricFailed(sum), "A Storyboard run failed: see runs/<runId>/error.json, then redrive it.");
        Alarm("ExecutionsTimedOut", stateMachine.MetricTimedOut(sum), "A Storyboard run exceeded the workflow's TimeoutSeconds.");
        Alarm("ExecutionThrottled", stateMachine.MetricThrottled(sum), "Step Functions throttled the Storyboard workflow.");
        Alarm(
            "UploadsNotStarted",
            deadLetters.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = "Maximum" }),
            "An upload could not start a run; its event is in the dead-letter queue.");
        Alarm(
            "FailuresNotRecorded",
            unrecordedFailures.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = "Maximum" }),
            "A failed run's error.json could not be written; its status-change event is in the dead-letter queue.");

        foreach (var function in functions)
        {
            var name = function.Step.Name;
            Alarm($"{name}Errors", function.Function.MetricErrors(sum), $"The {name} function failed (the workflow retries transient errors).");
            Alarm($"{name}Throttles", function.Function.MetricThrottles(sum), $"Lambda throttled the {name} function.");
        }

        AddWidgets(stateMachine, functions, deadLetters);
    }

    private void AddWidgets(IStateMachine stateMachine, IReadOnlyList<WorkflowFunction> functions, IQueue deadLetters)
    {
        var sum = new MetricOptions { Period = Period, Statistic = "Sum" };
        Dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Executions",
                Width = 12,
                Left =
                [
                    stateMachine.MetricStarted(sum),
                    stateMachine.MetricSucceeded(sum),
                    stateMachine.MetricFailed(sum),
                    stateMachine.MetricTimedOut(sum),
                    stateMachine.MetricAborted(sum),
                ],
            }),
            new GraphWidget(new GraphWidgetProps
            {
                // Step Functions publishes Map Run metrics per account and region only (no per-run progress);
                // a run's item counts are on its Map Run page in the console.
                Title = "Map Runs (account, this region)",
                Width = 12,
                Left =
                [
                    new Metric(new MetricProps { Namespace = "AWS/States", MetricName = "ApproximateOpenMapRunCount", Statistic = "Maximum", Period = Period }),
                    new Metric(new MetricProps { Namespace = "AWS/States", MetricName = "ApproximateMapRunBacklogSize", Statistic = "Maximum", Period = Period }),
                ],
            }));
        Dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Function duration (p90)",
                Width = 12,
                Left = functions.Select(f => f.Function.MetricDuration(new MetricOptions { Period = Period, Statistic = "p90", Label = f.Step.Name })).ToArray<IMetric>(),
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Function errors",
                Width = 12,
                Left = functions.Select(f => f.Function.MetricErrors(new MetricOptions { Period = Period, Statistic = "Sum", Label = f.Step.Name })).ToArray<IMetric>(),
            }));
        Dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Execution time",
                Width = 12,
                Left = [stateMachine.MetricTime(new MetricOptions { Period = Period, Statistic = "Maximum" })],
            }),
            new SingleValueWidget(new SingleValueWidgetProps
            {
                Title = "Uploads that could not start a run",
                Width = 12,
                Metrics = [deadLetters.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = "Maximum" })],
            }));
    }
}
